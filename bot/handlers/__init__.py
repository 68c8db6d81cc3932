"""Telegram handlers, by audience: reporters (the public), moderators, admins."""
