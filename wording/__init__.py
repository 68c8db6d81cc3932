"""What Netra says to people, one module per language: `wording.id` (Indonesian: everything
reporters, moderators, admins and operators read; `wording.id_analysis` what the analysis says
about a screenshot (evidence, rules, reasons); `wording.id_check` holds what `netra check`
says, apart only for the 600-line limit) and `wording.en` (the command line's help).

The bottom layer: it imports nothing of Netra, so `rules/`, `store/` and everything above
them word their messages from here, and a reviewer or translator finds them in one place.
"""
