"""`netra check` against a good configuration and broken ones, and the Telegram side against
the local Bot API server: one line per finding, exit status 1 when Netra would not work."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.check import check_telegram
from bot.fake_telegram import FakeTelegram
from cli import main
from netra.check import check_all, summary
from netra.config import Config, TelegramSettings, load_config
from tests.province import FILES, ROSTER_CSV

MOD_CHAT = -1001000000001
DELI_CHAT, KARO_CHAT = -1002000000012, -1002000000013


def setup(tmp_path: Path, roster: str = ROSTER_CSV, **files: str) -> Path:
    """A province's configuration: roster, an elections folder, SQLite in tmp_path."""
    (tmp_path / "roster.csv").write_text(roster)
    folder = tmp_path / "elections"
    folder.mkdir(exist_ok=True)
    for name, text in {**FILES, **files}.items():
        (folder / name).write_text(text)
    path = tmp_path / "config.toml"
    path.write_text(
        '[netra]\nroster = "roster.csv"\nelections = "elections"\ndata_dir = "var"\n'
        f"[telegram]\nmoderator_chat_id = {MOD_CHAT}\nadmin_ids = [900]\nmoderator_ids = [501]\n"
    )
    return path


async def lines(path: Path) -> list[str]:
    _config, findings = await check_all(path)
    return [f.line for f in findings] + [summary(findings)]


async def test_a_good_province_configuration_is_described(tmp_path: Path) -> None:
    out = await lines(setup(tmp_path))
    text = "\n".join(out)
    assert (
        "✓ daftar ASN roster.csv: 5 baris terbaca, 0 ditolak; 80% ber-No HP, 100% ber-Instagram"
        in text
    )
    assert (
        "«Pilgub Sumatera Utara 2024» (1-gubernur.toml): wilayah Provinsi Sumatera Utara, 2 paslon"
        in text
    )
    assert "penetapan paslon 22-09-2024" in text
    assert "grup moderator sendiri -1002000000012" in text
    # Karo's file has no designation day: a note, not a problem.
    assert any(x.startswith("! pemilihan «Pilkada Kabupaten Karo 2024»") for x in out)
    assert "✓ OCR ppocr: tersedia (dipakai)" in text
    assert "terbaru 0005" in text  # not migrated yet: netra run will
    assert out[-1].startswith("Netra siap dijalankan")


async def test_broken_files_are_each_one_line_saying_what_to_fix(tmp_path: Path) -> None:
    bad_rows = ROSTER_CSV + "12345,Orang Salah,,,,,\n19900105201503100X,Lagi Salah,,,,,\n"
    path = setup(tmp_path, bad_rows, **{"4-rusak.toml": "[election]\nname = 'Rusak'\n"})
    out = await lines(path)
    text = "\n".join(out)
    assert "5 baris terbaca, 2 ditolak" in text
    assert any(
        x.startswith("✗ daftar ASN roster.csv: 1 baris ditolak") and "baris 7" in x for x in out
    )
    assert any(x.startswith("✗ berkas pemilihan: 4-rusak.toml: [[candidates]]") for x in out)
    assert out[-1] == "Netra belum bisa berjalan: 1 masalah harus diperbaiki."


async def test_a_missing_roster_and_an_unreadable_config(tmp_path: Path) -> None:
    path = setup(tmp_path)
    (tmp_path / "roster.csv").unlink()
    assert any(x.startswith("✗ daftar ASN roster.csv:") for x in await lines(path))
    path.write_text("[netra\n")
    out = await lines(path)
    assert out[0].startswith("✗ konfigurasi:") and len(out) == 2


async def test_the_database_must_be_reachable(tmp_path: Path) -> None:
    path = setup(tmp_path)
    path.write_text(
        path.read_text()
        + '[database]\nurl = "postgresql+asyncpg://netra:rahasia@127.0.0.1:9/netra"\n'
    )
    out = await lines(path)
    problem = next(x for x in out if x.startswith("✗ basis data"))
    assert "netra:***@127.0.0.1:9" in problem and "rahasia" not in problem


def test_the_command_exits_non_zero_without_a_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NETRA_TELEGRAM_TOKEN", raising=False)
    assert main(["check", "--config", str(setup(tmp_path))]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-2].startswith("✗ NETRA_TELEGRAM_TOKEN belum diatur")


def _with_bot(path: Path, tg: FakeTelegram, token: str | None = None) -> Config:
    config = load_config(path, env={})
    return replace(
        config,
        telegram=replace(
            config.telegram,
            token=token or tg.token,
            api_base_url=f"{tg.url}/bot",
            file_base_url=f"{tg.url}/file/bot",
        ),
    )


async def test_the_bot_is_known_and_can_post_in_every_moderators_chat(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        for chat in (MOD_CHAT, DELI_CHAT, KARO_CHAT):
            tg.group(chat)
        tg.send_text(tg.user(900, "Admin"), "/start")
        config = _with_bot(setup(tmp_path), tg)
        out = [f.line for f in await check_telegram(config)]
        assert out[0] == "✓ bot @netra_test_bot (id 123456) dikenali Telegram"
        for chat in (MOD_CHAT, DELI_CHAT, KARO_CHAT):
            assert (
                f"✓ grup moderator {chat} (Moderator Netra): bot administrator dan boleh mengirim pesan"
                in out
            )
        assert "✓ admin: 900" in out and "✓ moderator: 501" in out
        # The moderator never opened a chat with the bot: worth knowing, not blocking.
        assert any(x.startswith("! moderator 501: belum pernah") for x in out)


async def test_telegram_problems_say_what_to_fix(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        tg.group(MOD_CHAT)
        tg.group(DELI_CHAT)  # Karo's chat does not exist
        tg.kick_bot(DELI_CHAT)
        config = _with_bot(setup(tmp_path), tg)
        findings = await check_telegram(config)
        out = [f.line for f in findings]
        assert (
            f"✗ grup moderator {DELI_CHAT}: tidak dapat dibuka (Forbidden: bot was kicked from "
            "the supergroup chat); periksa id-nya dan tambahkan bot ke grup" in out
        )
        assert any(x.startswith(f"✗ grup moderator {KARO_CHAT}: tidak dapat dibuka") for x in out)
        assert sum(f.fatal for f in findings) == 2
        tg.chat_members[(KARO_CHAT, tg.bot_id)] = "left"
        tg.group(KARO_CHAT)
        out = [f.line for f in await check_telegram(config)]
        assert (
            f"✗ grup moderator {KARO_CHAT}: bot berstatus «left»; tambahkan bot ke grup itu" in out
        )
        assert sum(f.fatal for f in findings) == 2
        tg.chat_members[(MOD_CHAT, tg.bot_id)] = "restricted"  # may not send messages
        out = [f.line for f in await check_telegram(config)]
        assert any(
            x.startswith(f"✗ grup moderator {MOD_CHAT}: bot tidak boleh mengirim") for x in out
        )
        wrong = await check_telegram(_with_bot(setup(tmp_path), tg, token="999:WRONG"))
        assert [f.line for f in wrong] == [
            "✗ Telegram menolak token NETRA_TELEGRAM_TOKEN; ambil token baru dari @BotFather"
        ]
        no_chat = replace(config, telegram=replace(config.telegram, moderator_chat_id=None))
        assert not any(
            x.startswith(f"✓ grup moderator {MOD_CHAT}")
            for x in [f.line for f in await check_telegram(no_chat)]
        )
        none_at_all = replace(
            config,
            telegram=TelegramSettings(token=tg.token, api_base_url=f"{tg.url}/bot"),
            elections=(),
        )
        none_at_all = replace(none_at_all, election=None)
        assert "✗ telegram.moderator_chat_id belum diatur" in "\n".join(
            f.line for f in await check_telegram(none_at_all)
        )


async def test_a_label_two_pairs_list_is_a_note(tmp_path: Path) -> None:
    """A slogan listed for two pairs counts for neither: `netra check` says which."""
    text = FILES["1-gubernur.toml"].replace(
        "[[candidates]]", '[[candidates]]\nslogans = ["Sumut Berkah"]'
    )
    out = await lines(setup(tmp_path, **{"1-gubernur.toml": text}))
    shared = [x for x in out if "Sumut Berkah" in x]
    assert len(shared) == 1 and shared[0].startswith("! pemilihan «Pilgub Sumatera Utara 2024»")
    assert "tidak dihitung" in shared[0]
    assert out[-1].startswith("Netra siap dijalankan")
