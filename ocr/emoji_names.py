"""The emoji `ocr.emoji` knows, by name: the name's prefix is what it says about a pair's
number ("finger2", "key3", "cheer_fire"; "other_…" says nothing). Kept apart from the
matching so that the list reads as the data it is (`scripts/emoji_templates.py` renders a
template of each)."""

# name → the emoji; the name's prefix is what it says (`meaning`).
TEMPLATES: dict[str, str] = {
    "finger1": "\u261d\ufe0f",  # ☝️
    "finger2": "\u270c\ufe0f",  # ✌️
    "finger3": "\U0001f91f",  # 🤟
    "finger3_ok": "\U0001f44c",  # 👌 (three fingers up)
    **{f"key{n}": f"{n}\ufe0f\u20e3" for n in range(1, 10)},  # 1️⃣ … 9️⃣
    "cheer_fire": "\U0001f525",  # 🔥
    "cheer_100": "\U0001f4af",  # 💯
    "cheer_arm": "\U0001f4aa",  # 💪
    "cheer_check": "\u2705",  # ✅
    "cheer_ballot": "\U0001f5f3\ufe0f",  # 🗳️
    "cheer_thumb": "\U0001f44d",  # 👍
    "other_pray": "\U0001f64f",  # 🙏
    "other_grin": "\U0001f601",  # 😁
    "other_love": "\U0001f60d",  # 😍
    "other_hearts": "\U0001f970",  # 🥰
    "other_heart": "\u2764\ufe0f",  # ❤️
    "other_blue_heart": "\U0001f499",  # 💙
    "other_hand": "\U0001f590\ufe0f",  # 🖐️
    "other_fist": "\U0001f44a",  # 👊
    "other_star_eyes": "\U0001f929",  # 🤩
    "other_cool": "\U0001f60e",  # 😎
    "other_smile": "\U0001f60a",  # 😊
    "other_laugh": "\U0001f602",  # 😂
    "other_clap": "\U0001f44f",  # 👏
    "other_sparkles": "\u2728",  # ✨
    "other_flag": "\U0001f1ee\U0001f1e9",  # 🇮🇩
    "other_pin": "\U0001f4cd",  # 📍
    "other_star": "\u2b50",  # ⭐
    "other_glowing_star": "\U0001f31f",  # 🌟
    "other_party": "\U0001f389",  # 🎉
    "other_wave": "\U0001f44b",  # 👋
    "other_hug": "\U0001f917",  # 🤗
    "other_grinning": "\U0001f600",  # 😀
    "other_kiss": "\U0001f618",  # 😘
    "other_palms": "\U0001f932",  # 🤲
    "other_raised_hands": "\U0001f64c",  # 🙌
    "other_bouquet": "\U0001f490",  # 💐
    "other_sun": "\u2600\ufe0f",  # ☀️
}
