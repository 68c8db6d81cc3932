"""The admins' digest: numbers (`store`) → Indonesian HTML text and a two-panel chart.

What a coordinator acts on comes first (the backlog and its oldest case, approvals, Bawaslu
deadlines), then the period's activity with totals since the start, then breakdowns.

Telegram limits: a caption is at most 1024 characters and a message 4096, so the digest goes
out as the chart (photo) with a short caption, then the full text as message(s) split at line
boundaries, then (optionally) the XLSX export as a document.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import store
from netra import export, legal
from netra.services import MODERATOR_NAME_SETTING, Services
from rules.election import Election
from rules.elections import ElectionSet, as_set
from rules.tier import TIERS
from wording import id as t

# Telegram's limits: a message holds 4096 characters, a photo's caption 1024.
MAX_TEXT = 4096
MAX_CAPTION = 1024
CHART_STATES = ("approved", "flagged", "review", "needs_info", "rejected", "clear", "new", "error")
CHART_COLORS = {
    "approved": "#c0392b",
    "flagged": "#e67e22",
    "review": "#f1c40f",
    "needs_info": "#9b59b6",
    "rejected": "#7f8c8d",
    "clear": "#27ae60",
    "new": "#3498db",
    "error": "#2c3e50",
}


def fmt_time(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%d-%m-%Y %H:%M")


def period_text(start: datetime, end: datetime, tz: ZoneInfo) -> str:
    """ "periode: 24-11-2026 07:00 – 25-11-2026 07:00 WIB" """
    zone = end.astimezone(tz).strftime("%Z")
    return t.DIGEST_PERIOD.format(start=fmt_time(start, tz), end=f"{fmt_time(end, tz)} {zone}")


def duration(delta: timedelta | float | None) -> str:
    if delta is None:
        return "-"
    if not isinstance(delta, timedelta):
        delta = timedelta(seconds=float(delta))
    return t.age(max(delta, timedelta(0)))


def _candidate(number: int | None, election: Election | None) -> str:
    if number is None:
        return t.DIGEST_UNCLEAR_CANDIDATE
    cand = election.candidate(number) if election else None
    return f"{number:02d} " + (" – ".join(cand.people) if cand else "")


def _states(counts: dict[str, int], order: Sequence[str]) -> str:
    return " · ".join(f"{t.STATE_LABELS[s]} {counts.get(s, 0)}" for s in order)


@dataclass(frozen=True, slots=True)
class ElectionCount:
    """One election's line in the digest: approved cases (all, in the period) by tier, and
    its moderators' backlog. `name` None: cases whose election is not settled."""

    name: str | None
    approved: int
    period: int
    tiers: dict[str, int]
    backlog: int


def election_counts(
    approved: list[store.ExportRow],
    pending: list[store.CaseSummary],
    elections: Election | ElectionSet,
    start: datetime,
    end: datetime,
    deadline_days: int = legal.DEADLINE_DAYS,
) -> list[ElectionCount]:
    """Approved cases per election and tier, and the backlog per election; every configured
    election has its line, the unsettled ones one more."""
    pool = as_set(elections)
    keys: list[str | None] = [*pool.names, None]
    approved_n = dict.fromkeys(keys, 0)
    period_n = dict.fromkeys(keys, 0)
    backlog_n = dict.fromkeys(keys, 0)
    tiers = {k: dict.fromkeys(TIERS, 0) for k in keys}
    for row in approved:
        key = row.election if row.election in approved_n else None
        standing = legal.standing(
            seen_text=row.seen_text,
            first_reported_at=row.first_reported_at,
            election=row.election,
            election_options=row.election_options,
            elections=pool,
            deadline_days=deadline_days,
        )
        approved_n[key] += 1
        period_n[key] += int(row.decided_at is not None and start <= row.decided_at < end)
        tiers[key][standing.tier] += 1
    for case in pending:
        backlog_n[case.election if case.election in backlog_n else None] += 1
    return [
        ElectionCount(k, approved_n[k], period_n[k], tiers[k], backlog_n[k])
        for k in keys
        if k is not None or approved_n[k] or backlog_n[k]
    ]


def _election_lines(by_election: Sequence[ElectionCount]) -> list[str]:
    if not by_election:
        return []
    total = dict.fromkeys(TIERS, 0)
    for c in by_election:
        for tier, n in c.tiers.items():
            total[tier] += n
    lines = ["", t.DIGEST_TIERS.format(**total), t.DIGEST_BY_ELECTION]
    for c in by_election:
        lines.append(
            t.DIGEST_ELECTION_LINE.format(
                name=t.esc(c.name or t.DIGEST_UNSURE_ELECTION),
                approved=c.approved,
                period=c.period,
                backlog=c.backlog,
                **c.tiers,
            )
        )
    return lines


def digest_lines(
    report: store.DigestReport,
    *,
    tz: ZoneInfo,
    election: Election | None = None,
    manual: bool = False,
    late: bool = False,
    names: dict[str, str] | None = None,
    by_election: Sequence[ElectionCount] = (),
) -> list[str]:
    """The digest as HTML lines (each line self-contained, so splitting never breaks a tag).

    `names` maps audit actors ("tg:<id>") to the moderators' display names, where known."""
    e = t.esc
    r = report
    lines = [t.DIGEST_TITLE_NOW if manual else t.DIGEST_TITLE, e(period_text(r.start, r.end, tz))]
    if late:
        lines.append(t.DIGEST_LATE)
    lines.append("")
    # 1. what to act on
    backlog = t.DIGEST_BACKLOG.format(count=r.backlog)
    if r.backlog:
        backlog += f" ({_states(r.backlog_by_state, ('flagged', 'review', 'needs_info'))})"
    lines.append(backlog)
    if r.oldest_pending_case is not None:
        lines.append(
            t.DIGEST_OLDEST.format(
                case=r.oldest_pending_case, waited=duration(r.oldest_pending_age)
            )
        )
    if r.awaiting_analysis:
        lines.append(t.DIGEST_AWAITING_ANALYSIS.format(count=r.awaiting_analysis))
    lines.append(t.DIGEST_APPROVED.format(period=r.approved_period, total=r.approved_total))
    if r.deadlines:
        lines.append(t.DIGEST_DEADLINES.format(days=r.deadline_days))
        for d in r.deadlines:
            line = t.DIGEST_DEADLINE.format(
                case=d.case_id,
                who=e(d.asn_nama or t.DIGEST_UNKNOWN_ASN),
                unit=f" ({e(d.unit)})" if d.unit else "",
                left=t.days_hours(d.remaining),
                due=fmt_time(d.due_at, tz),
            )
            lines.append(line)
    lines += _election_lines(by_election)
    lines.append("")
    # 2. activity: period (total since the start)
    lines.append(t.DIGEST_ACTIVITY)
    lines.append(
        t.DIGEST_SUBMISSIONS.format(period=r.submissions_period, total=r.submissions_total)
    )
    lines.append(t.DIGEST_REPORTERS.format(period=r.reporters_period, total=r.reporters_total))
    lines.append(t.DIGEST_CASES.format(period=r.cases_period, total=r.cases_total))
    states = " · ".join(
        f"{t.STATE_LABELS[s]} {r.states_period.get(s, 0)} ({r.states_total.get(s, 0)})"
        for s in ("flagged", "review", "approved", "rejected", "needs_info", "clear")
    )
    lines.append(t.DIGEST_STATES.format(states=states))
    extra = [s for s in ("new", "error") if r.states_total.get(s)]
    if extra:
        others = " · ".join(
            f"{t.STATE_LABELS[s]} {r.states_period.get(s, 0)} ({r.states_total[s]})" for s in extra
        )
        lines.append(t.DIGEST_OTHER_STATES.format(states=others))
    d = r.decisions_period
    lines.append(
        t.DIGEST_DECISIONS.format(
            approved=d.get("approved", 0),
            rejected=d.get("rejected", 0),
            needs_info=d.get("needs_info", 0),
        )
    )
    # 3. breakdowns
    if r.approved_by_unit:
        lines += ["", t.DIGEST_BY_UNIT]
        for g in r.approved_by_unit:
            lines.append(f" • {e(g.key or t.DIGEST_UNKNOWN_UNIT)}: {g.total} (+{g.period})")
    if r.approved_by_candidate:
        lines += ["", t.DIGEST_BY_CANDIDATE]
        for g in r.approved_by_candidate:
            number = g.key if isinstance(g.key, int) else None
            lines.append(f" • {e(_candidate(number, election))}: {g.total} (+{g.period})")
    if r.repeat_asns:
        lines += ["", t.DIGEST_REPEAT_ASNS]
        for a in r.repeat_asns:
            unit = f" — {e(a.unit)}" if a.unit else ""
            line = t.DIGEST_REPEAT_ASN.format(
                name=e(a.nama or "?"), nip=e(a.nip), unit=unit, count=a.approved
            )
            lines.append(line)
    if r.moderators:
        lines += ["", t.DIGEST_MODERATORS]
        for m in r.moderators:
            who = e((names or {}).get(m.actor) or m.actor.removeprefix("tg:"))
            lines.append(
                f" • <code>{who}</code>: {m.period} · {m.total} · "
                f"{duration(m.median_seconds_period)}"
            )
    lines.append(
        t.DIGEST_MEDIAN.format(
            period=duration(r.median_decision_seconds_period),
            total=duration(r.median_decision_seconds_total),
        )
    )
    return lines


def split_messages(lines: Sequence[str], limit: int = MAX_TEXT) -> list[str]:
    """Join lines into messages of at most `limit` characters, breaking only between lines."""
    out: list[str] = []
    cur = ""
    for line in lines:
        line = line if len(line) <= limit else line[: limit - 1] + "…"
        candidate = f"{cur}\n{line}" if cur else line
        if len(candidate) > limit:
            out.append(cur)
            cur = line
        else:
            cur = candidate
    if cur.strip():
        out.append(cur)
    return out


def chart_caption(report: store.DigestReport, tz: ZoneInfo) -> str:
    """Short plain caption for the chart (well under 1024 characters)."""
    text = t.DIGEST_CAPTION.format(
        period=period_text(report.start, report.end, tz),
        backlog=report.backlog,
        oldest=duration(report.oldest_pending_age),
        approved=report.approved_period,
    )
    return t.esc(text)[:MAX_CAPTION]


# ---------------------------------------------------------------- chart


def render_chart(
    days: Sequence[store.DayCount], units: Sequence[store.GroupCount], *, top_units: int = 12
) -> bytes:
    """PNG, two panels: cases per day by state (stacked bars) and approved cases per unit.
    Synchronous and CPU-bound: call it through `asyncio.to_thread` (see `chart_png`)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure  # no pyplot: no global state, thread-safe enough

    fig = Figure(figsize=(10, 8.5), dpi=100, layout="constrained")
    ax1, ax2 = fig.subplots(2, 1, height_ratios=(3, 2))
    # Panel 1: every day from the first case to the last, zeros included.
    if days:
        first, last = min(d.day for d in days), max(d.day for d in days)
        span = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        grid = {(d.day, d.state): d.count for d in days}
        bottom = [0] * len(span)
        x = list(range(len(span)))
        for state in CHART_STATES:
            values = [grid.get((day, state), 0) for day in span]
            if not any(values):
                continue
            ax1.bar(
                x,
                values,
                bottom=bottom,
                color=CHART_COLORS[state],
                label=t.STATE_LABELS[state],
                width=0.8,
            )
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax1.set_ylim(0, max(bottom) * 1.3 + 0.5)  # headroom for the legend
        step = max(1, len(span) // 15)
        ax1.set_xticks(
            x[::step], [_day_label(day) for day in span[::step]], rotation=45, ha="right"
        )
        ax1.legend(loc="upper left", fontsize=8, ncols=4)
        ax1.set_ylabel(t.DIGEST_CHART_CASES)
    else:
        ax1.text(0.5, 0.5, t.DIGEST_CHART_EMPTY, ha="center", va="center", transform=ax1.transAxes)
        ax1.set_xticks([])
    ax1.set_title(t.DIGEST_CHART_TITLE_DAYS)
    ax1.grid(axis="y", alpha=0.3)
    # Panel 2: approved per unit, biggest at the top.
    shown = [u for u in units if u.total][:top_units]
    if shown:
        labels = [_short(str(u.key or t.DIGEST_UNKNOWN_UNIT)) for u in shown][::-1]
        values = [u.total for u in shown][::-1]
        bars = ax2.barh(labels, values, color=CHART_COLORS["approved"])
        ax2.bar_label(bars, padding=3, fontsize=8)
        ax2.set_xlabel(t.DIGEST_CHART_APPROVED)
        ax2.tick_params(axis="y", labelsize=8)
    else:
        ax2.text(0.5, 0.5, t.DIGEST_CHART_EMPTY, ha="center", va="center", transform=ax2.transAxes)
        ax2.set_yticks([])
    ax2.set_title(t.DIGEST_CHART_TITLE_UNITS)
    ax2.grid(axis="x", alpha=0.3)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _day_label(day: date) -> str:
    return day.strftime("%d-%m")


def _short(label: str, width: int = 40) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


async def chart_png(services: Services, report: store.DigestReport) -> bytes:
    """Query the per-day counts and render the chart off the event loop."""
    tz = services.election.zone
    days = await store.cases_per_day(services.db, tz=tz, until=report.end)
    return await asyncio.to_thread(render_chart, days, report.approved_by_unit)


# ---------------------------------------------------------------- building


@dataclass(frozen=True, slots=True)
class DigestBundle:
    """Everything one digest sends, built once and sent to each recipient."""

    report: store.DigestReport
    chart: bytes
    caption: str
    messages: list[str]
    export_name: str | None
    export: bytes | None
    export_caption: str = ""


async def build_digest(
    services: Services,
    *,
    start: datetime,
    end: datetime,
    manual: bool = False,
    late: bool = False,
    attach_export: bool | None = None,
) -> DigestBundle:
    """The digest of [start, end): numbers, chart, text and (as configured) the export."""
    settings = services.config.digest
    tz = services.election.zone
    report = await store.digest_report(
        services.db,
        start=start,
        end=end,
        deadline_days=settings.deadline_days,
        warn_days=settings.deadline_warn_days,
    )
    chart = await chart_png(services, report)
    names = {}
    for m in report.moderators:
        user_id = m.actor.removeprefix("tg:")
        name = await store.get_setting(services.db, MODERATOR_NAME_SETTING.format(user_id))
        if name:
            names[m.actor] = name
    rows = await store.approved_cases(services.db, until=end)
    pending = await store.pending_cases(services.db, limit=100_000)
    by_election = election_counts(
        rows, pending, services.elections, start, end, settings.deadline_days
    )
    lines = digest_lines(
        report,
        tz=tz,
        election=services.election if len(services.elections) == 1 else None,
        manual=manual,
        late=late,
        names=names,
        by_election=by_election,
    )
    attach = settings.attach_export if attach_export is None else attach_export
    name = data = None
    if attach:
        data = await asyncio.to_thread(export.xlsx_bytes, rows, services.elections, tz)
        name = t.DIGEST_EXPORT_FILE.format(stamp=f"{end.astimezone(tz):%Y%m%d-%H%M}")
    export_caption = t.esc(t.DIGEST_EXPORT_CAPTION.format(end=fmt_time(end, tz)))
    return DigestBundle(
        report, chart, chart_caption(report, tz), split_messages(lines), name, data, export_caption
    )
