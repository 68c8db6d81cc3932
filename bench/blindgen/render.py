"""Turn a planned scene into a JPEG and its label."""

from __future__ import annotations

import random
from dataclasses import replace

from PIL import Image

from . import frames, graphics, instagram, phone, whatsapp
from .scenes import Scene
from .spec import StorySpec
from .world import World


def _graphic(
    scene: Scene, world: World, rng: random.Random, w: int
) -> tuple[Image.Image | None, list[str]]:
    c = scene.content
    e = world.election
    gw = max(480, min(1000, w))
    if c.graphic == "poster":
        cand = e.candidate(c.supports or 1)
        img, shown = graphics.poster(rng, e, cand, gw)
        if scene.platform == "instagram" and rng.random() < 0.4:  # re-shared from the feed
            handle = rng.choice(
                [
                    f"{cand.acronym.lower()}.official",
                    f"relawan.{cand.acronym.lower()}",
                    f"{cand.people[0].split()[0].lower()}.{cand.number:02d}",
                ]
            )
            card, head = graphics.feed_card(
                rng, img, handle, rng.choice(cand.slogans + cand.hashtags)
            )
            return card, head[:1] + shown + head[1:]
        return img, shown
    if c.graphic == "twibbon":
        return graphics.twibbon(rng, e, e.candidate(c.supports or 1), gw)
    if c.graphic == "ballot":
        return graphics.ballot(rng, e, c.supports, gw)
    if c.graphic == "kpu":
        return graphics.kpu_list(rng, e, gw)
    if c.graphic == "news":
        return graphics.news_card(rng, e, gw)
    if c.graphic == "banner":
        return graphics.banner(rng, e, c.fields.get("topic", "netral"), gw)
    return None, []


def _spec(scene: Scene, world: World, rng: random.Random, w: int) -> tuple[StorySpec, list[str]]:
    knobs = set(scene.knobs)
    noise: list[str] = []
    graphic, gtexts = _graphic(scene, world, rng, w)
    spec = StorySpec(
        scene.platform, scene.poster_text, scene.age, scene.content.caption, graphic, gtexts
    )
    spec.music = scene.music
    spec.poster_keep = scene.poster_keep
    text_knobs = knobs & {"script", "thin", "neon", "tiny", "rotated"}
    if scene.platform == "instagram" and rng.random() < 0.22:
        place = rng.choice(world.region.landmarks + world.region.kecamatan)
        if scene.content.supports and rng.random() < 0.5:
            c = e_cand = world.election.candidate(scene.content.supports)
            spec.extras.append(
                rng.choice(
                    [
                        f"@{c.acronym.lower()}.official",
                        f"@relawan.{c.acronym.lower()}",
                        f"@{e_cand.people[0].split()[0].lower()}{c.number}",
                    ]
                )
            )
        else:
            spec.extras.append(
                rng.choice(
                    [
                        f"📍 {place}",
                        f"📍 {world.region.short.upper()}",
                        f"{rng.randint(1, 26)} NOV 2024",
                    ]
                )
            )
    if graphic is None:
        if scene.platform == "whatsapp":
            spec.background = (
                "wa_color"
                if text_knobs or rng.random() < 0.6
                else f"photo:{rng.choice(['sky', 'food', 'indoor', 'crowd', 'selfie', 'landscape', 'sunset', 'beach'])}"
            )
        else:
            spec.background = rng.choice(["auto", "auto", "gradient", "solid", "photo"])
    if "script" in knobs:
        spec.text_family = "script"
        noise.append("script_font")
    if "thin" in knobs:
        spec.text_family = "thin"
        noise.append("thin_font")
    if "neon" in knobs:
        spec.text_effect = "neon"
        noise.append("neon")
    if "tiny" in knobs:
        spec.tiny = True
        noise.append("tiny_text")
    if "rotated" in knobs:
        spec.angle = rng.choice([-1, 1]) * rng.uniform(12, 35)
        noise.append("rotated_text")
    elif rng.random() < 0.15:
        spec.angle = rng.uniform(-6, 6)
    if "pale" in knobs:
        spec.pale_header = True
        spec.background = "photo:pale_sky"
        noise.append("pale_header")
    return spec, noise


def render_scene(scene: Scene, world: World) -> tuple[bytes, dict]:
    """Draw the scene; return the JPEG bytes and the label."""
    rng = random.Random(f"blindgen:{world.seed}:render:{scene.index}")
    dev = phone.pick_device(rng, scene.lang, scene.hour, scene.minute)
    spec, noise = _spec(scene, world, rng, dev.w)
    app = whatsapp if scene.platform == "whatsapp" else instagram
    nav, nav_h = phone.nav_style(rng, dev)
    screen = app.render(spec, replace(dev, h=dev.h - nav_h), rng)
    img = Image.new("RGB", (dev.w, dev.h), (0, 0, 0))
    img.paste(screen.image, (0, 0))
    phone.draw_nav(img, dev, nav, True)
    texts = list(screen.texts)
    knobs = set(scene.knobs)
    if "nostatus" not in knobs:
        texts = phone.status_bar(img, dev, rng, True) + texts
        noise.append("statusbar")
    hidden = False
    if "hidden" in knobs:
        texts = frames.notification(img, dev, rng, screen.poster_box[3] + round(4 * dev.dp)) + texts
        hidden = True
        noise.append("notification_hides_poster")
    if "toast" in knobs:
        texts += frames.toast(img, dev, rng)
        noise.append("toast")
    if "crop" in knobs and not hidden:
        img, tag = frames.crop(img, dev, rng, screen.poster_box)
        noise.append(tag)
    if "chat" in knobs:
        img, outer = frames.chat_share(img, dev, rng)
        texts = outer + texts
        noise.append("chat_reshare")
    if "gallery" in knobs:
        date = (
            f"{rng.randint(1, 26)} November 2024 {rng.randint(7, 22):02d}.{rng.randint(0, 59):02d}"
        )
        img, outer = frames.gallery(img, dev, rng, date)
        texts = outer[:3] + texts + outer[3:]
        noise.append("gallery_viewer")
    noise.append(f"{dev.os}_{dev.w}x{dev.h}")
    data = frames.encode(img, rng, noise)
    return data, _label(scene, screen.poster_shown, hidden, screen.content_texts, texts, noise)


def _difficulty(scene: Scene, noise: list[str]) -> str:
    if scene.category == "hard_positive":
        return "hard"
    hard_bits = {
        "script_font",
        "thin_font",
        "neon",
        "tiny_text",
        "rotated_text",
        "pale_header",
        "notification_hides_poster",
        "chat_reshare",
    }
    if hard_bits & set(noise):
        return "hard"
    if (
        scene.category == "namesake"
        or scene.content.graphic in {"kpu", "news", "ballot"}
        or {"gallery_viewer", "jpeg2", "blur"} & set(noise)
        or any(n.startswith("crop") for n in noise)
    ):
        return "medium"
    return "easy"


def _label(
    scene: Scene, shown: str, hidden: bool, content: list[str], texts: list[str], noise: list[str]
) -> dict:
    return {
        "image": f"images/{scene.index + 1:04d}.jpg",
        "platform": scene.platform,
        "poster": {"kind": scene.poster_kind, "shown": shown},
        "nip": scene.nip,
        "supports_candidate": scene.content.supports,
        "should_flag": scene.should_flag,
        "difficulty": _difficulty(scene, noise),
        "category": scene.category,
        "content": scene.content.kind,
        "content_text": " ".join(t.replace("\n", " ") for t in content if t).strip(),
        "noise": "+".join(noise),
        "poster_hidden": hidden,
        "poster_style": scene.subtype,
        "language": scene.lang,
        "text": " ".join(t.replace("\n", " ") for t in texts if t).strip(),
    }
