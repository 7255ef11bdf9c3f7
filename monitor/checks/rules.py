"""The rule catalogue (``config/rules.toml``) and :func:`make_finding`.

Titles, severities, legal citations and fine ranges are data, so an
inspectorate can update them without code changes. The catalogue is read
once per process; :func:`load_rules` with a path reads another file (tests,
a province's own wording).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from monitor.config import PROJECT_ROOT
from monitor.errors import MonitorError
from monitor.model import CODES, Evidence, FindingDraft, Regime

DEFAULT_RULES = PROJECT_ROOT / "config" / "rules.toml"
SEVERITIES = ("critical", "high", "medium", "low", "info")


class RulesError(MonitorError, ValueError):
    """The rule catalogue cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class RegimeRule:
    legal_basis: str
    fine: str
    verified: bool
    qualifiers: dict[str, str]  # qualifier -> legal basis
    qualifier_fines: dict[str, str]  # qualifier -> fine, where it differs


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    title_vi: str
    title_en: str
    regimes: dict[str, RegimeRule]
    # Severity once a check confirmed the worst case (a lookalike that sells
    # or shows the brand's badge); the plain severity when not given.
    severity_confirmed: str | None = None


@dataclass(frozen=True)
class Rules:
    rules: dict[str, Rule]
    qualifier_names: dict[str, tuple[str, str]]  # qualifier -> (vi, en)
    source: str

    def rule(self, code: str) -> Rule:
        try:
            return self.rules[code]
        except KeyError:
            raise RulesError(f"{self.source}: no rule for code {code!r}") from None


def _parse(data: dict, source: str) -> Rules:
    codes = data.get("codes")
    if not isinstance(codes, dict):
        raise RulesError(f"{source}: missing [codes] table")
    rules: dict[str, Rule] = {}
    for code, entry in codes.items():
        try:
            severity = entry["severity"]
            confirmed = entry.get("severity_confirmed")
            for key, value in (("severity", severity), ("severity_confirmed", confirmed)):
                if value is not None and value not in SEVERITIES:
                    raise RulesError(f"{source}: codes.{code}.{key} must be one of {SEVERITIES}, got {value!r}")
            regimes = {}
            for regime in Regime:
                part = entry[str(regime)]
                bases, fines = {}, {}
                for qualifier, value in part.get("qualifiers", {}).items():
                    if isinstance(value, dict):  # {legal_basis = "...", fine = "..."}
                        bases[qualifier] = str(value.get("legal_basis", part["legal_basis"]))
                        if "fine" in value:
                            fines[qualifier] = str(value["fine"])
                    else:
                        bases[qualifier] = str(value)
                regimes[str(regime)] = RegimeRule(
                    legal_basis=str(part["legal_basis"]),
                    fine=str(part.get("fine", "")),
                    verified=bool(part.get("verified", False)),
                    qualifiers=bases,
                    qualifier_fines=fines,
                )
            rules[code] = Rule(code, severity, str(entry["title_vi"]), str(entry["title_en"]), regimes, confirmed)
        except KeyError as exc:
            raise RulesError(f"{source}: codes.{code} lacks {exc.args[0]!r}") from None
    missing = [c for c in CODES if c not in rules]
    if missing:
        raise RulesError(f"{source}: no entry for {', '.join(missing)}")
    names = {k: (str(v.get("vi", k)), str(v.get("en", k))) for k, v in data.get("qualifiers", {}).items()}
    return Rules(rules, names, source)


@lru_cache(maxsize=8)
def _load(path: str) -> Rules:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise RulesError(f"rule catalogue not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: not valid TOML: {exc}") from None
    return _parse(data, path)


def load_rules(path: str | Path | None = None) -> Rules:
    """The catalogue at ``path``, ``$MONITOR_RULES`` or ``config/rules.toml``."""
    chosen = path or os.environ.get("MONITOR_RULES") or DEFAULT_RULES
    return _load(_resolve(str(chosen)))


@lru_cache(maxsize=32)
def _resolve(path: str) -> str:
    return str(Path(path).expanduser().resolve())


def make_finding(
    code: str,
    evidence: Evidence,
    regime: Regime | str,
    qualifier: str = "",
    *,
    rules: Rules | None = None,
    confirmed: bool = False,
) -> FindingDraft:
    """A :class:`FindingDraft` for ``code`` under ``regime``, worded by the catalogue.

    ``confirmed`` selects the rule's ``severity_confirmed`` where it has one.
    """
    catalogue = rules or load_rules()
    rule = catalogue.rule(code)
    regime = Regime(regime)
    part = rule.regimes[str(regime)]
    vi, en = catalogue.qualifier_names.get(qualifier, (qualifier, qualifier))
    return FindingDraft(
        code=code,
        severity=(rule.severity_confirmed or rule.severity) if confirmed else rule.severity,
        title_vi=rule.title_vi.format(qualifier_vi=vi, qualifier_en=en),
        title_en=rule.title_en.format(qualifier_vi=vi, qualifier_en=en),
        legal_basis=part.qualifiers.get(qualifier, part.legal_basis),
        evidence=evidence,
        regime=regime,
        qualifier=qualifier,
        fine=part.qualifier_fines.get(qualifier, part.fine),
    )
