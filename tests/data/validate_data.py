#!/usr/bin/env python3
"""Check the shipped data files: the concept catalogue and the form definitions.

Checks that every form validates against schemas/form.schema.json, that it
follows the only-once rules the definitions are meant to show, that every
catalogue pattern compiles, and that the label patterns recognise the labels
of real municipal forms. Python's re replaces PCRE2 here, so the patterns
avoid constructs on which the two differ (variable-length lookbehind,
possessive quantifiers, \\h and other PCRE-only escapes).

Exits 1 and lists every problem when a check fails.
Usage: validate_data.py [REPO_DIR]
"""
import json
import pathlib
import re
import sys
import unicodedata

LANGS = ("nl", "fr", "de", "en")
SUBJECTS = ("enterprise", "establishment", "person")
POSITION_MAX = 50

# Label as seen on a real form, the heading around it, whether it is a file
# field, and the concept the catalogue must match (None: no concept).
LABELS = [
    ("Naam bedrijf waarvoor u een vergunning aanvraagt", "", False, "enterprise.legal_name"),
    ("Naam zaak waarvoor u een vergunning aanvraagt", "", False, "establishment.name"),
    ("Inschrijfnummer Kamer van Koophandel (KvK)", "", False, "enterprise.number"),
    ("KvK-nummer of vestigingsnummer", "", False, "enterprise.number"),
    ("Ondernemingsnummer *", "Gegevens van de zaak", False, "enterprise.number"),
    ("Postcode", "", False, "enterprise.registered_address.postcode"),
    ("Straatnaam", "", False, "enterprise.registered_address.street"),
    ("Huisnummer", "", False, "enterprise.registered_address.house_number"),
    ("Woonplaats", "", False, "enterprise.registered_address.municipality"),
    ("Postcode", "Gegevens van de aanvrager", False, "person.address.postcode"),
    ("Straat", "Gegevens horecazaak", False, "establishment.address.street"),
    ("Adres van de inrichting", "", False, "establishment.address.street"),
    ("Adres pop-up", "Gegevens pop-up-zaak", False, "establishment.address.street"),
    ("Rechtsvorm", "", False, "enterprise.legal_form"),
    ("vof, nv, bvba ...", "", False, "enterprise.legal_form"),
    ("Handelsnaam", "", False, "enterprise.commercial_name"),
    ("Naam", "Gegevens van de onderneming", False, "enterprise.legal_name"),
    ("Naam", "Gegevens van de aanvrager", False, "person.family_name"),
    ("Naam", "Gegevens horecazaak", False, "establishment.name"),
    ("Naam en voornamen", "Ondernemer 1", False, "person.family_name"),
    ("Voornamen", "", False, "person.given_names"),
    ("Geboortedatum", "", False, "person.birth_date"),
    ("Geboorteplaats", "", False, "person.birth_place"),
    ("Nationaliteit", "", False, "person.nationality"),
    ("Rijksregisternummer (verplicht)", "", False, "person.insz"),
    ("Btw-nummer", "", False, "enterprise.vat_number"),
    ("IBAN-rekeningnummer", "", False, "enterprise.bank_account"),
    ("Telefoonnummer", "", False, "contact.phone"),
    ("E-mailadres", "", False, "contact.email"),
    ("Maatschappelijke zetel", "", False, "enterprise.registered_address.street"),
    ("Vestigingsplaats", "Rechtspersoon", False, "enterprise.registered_address.municipality"),
    ("Vooropgestelde startdatum", "", False, None),
    ("Sluitingsdag(en) en openingsuren", "", False, None),
    ("Ligt het terras op een parkeerplaats?", "", False, None),
    ("Uw vraag", "", False, None),
    ("Kopie identiteitskaart", "", True, "document.identity_card_copy"),
    ("Bewijs ondernemingsnummer met correct adres", "", True, "document.kbo_extract"),
    ("Kopie van inschrijving in de KBO", "", True, "document.kbo_extract"),
    ("Moraliteitsattest (uittreksel uit het strafregister)", "", True, "document.criminal_record_extract"),
    ("Bewijs aangifte FAVV (registratie/toelating)", "", True, "document.favv_registration"),
    ("Verzekeringsattest brand + burgerlijke aansprakelijkheid", "", True, "document.insurance_certificate"),
    ("Kopie hoofdleurkaart / machtiging als werkgever", "", True, "document.hawker_card"),
    ("Bewijs inschrijving bij een sociale verzekeringskas (zelfstandig beroep)", "", True, "document.social_insurance_proof"),
    ("Kopie van de noodzakelijke vergunningen (stedenbouw, socio-economisch, horeca-uitbating)", "", True, "document.own_permit"),
    ("Foto vooraanzicht voertuig", "", True, None),
    ("Dénomination", "", False, "enterprise.legal_name"),
    ("Forme juridique", "", False, "enterprise.legal_form"),
    ("Numéro d'entreprise", "", False, "enterprise.number"),
    ("N° d'entreprise", "", False, "enterprise.number"),
    ("Siège social", "", False, "enterprise.registered_address.street"),
    ("Code postal", "", False, "enterprise.registered_address.postcode"),
    ("Commune", "", False, "enterprise.registered_address.municipality"),
    ("Date de naissance", "", False, "person.birth_date"),
    ("Lieu de naissance", "", False, "person.birth_place"),
    ("Prénom", "", False, "person.given_names"),
    ("Numéro de registre national", "", False, "person.insz"),
    ("Copie de la carte d'identité", "", True, "document.identity_card_copy"),
    ("Extrait de casier judiciaire", "", True, "document.criminal_record_extract"),
    ("Attestation d'assurance responsabilité civile", "", True, "document.insurance_certificate"),
    ("Statuts de la société", "", True, "document.statutes"),
    ("Company name", "", False, "enterprise.legal_name"),
    ("Date of birth", "", False, "person.birth_date"),
]


# Mistakes the schema must reject: a description, where the bad value replaces
# part of the minimal form (a field or a top-level member), and the value.
BROKEN = [
    ("field without concept, type or label", ["fields", 0], {"id": "x", "purpose": {"nl": "p"}}),
    ("radio without options", ["fields", 0],
     {"id": "x", "type": "radio", "label": {"nl": "l"}, "purpose": {"nl": "p"}}),
    ("options on a text field", ["fields", 0],
     {"id": "x", "type": "text", "label": {"nl": "l"}, "purpose": {"nl": "p"},
      "options": [{"value": "a", "label": {"nl": "a"}}]}),
    ("document on a text field", ["fields", 0],
     {"id": "x", "type": "text", "label": {"nl": "l"}, "purpose": {"nl": "p"},
      "document": "document.insurance_certificate"}),
    ("prefill without concept", ["fields", 0],
     {"id": "x", "type": "text", "label": {"nl": "l"}, "purpose": {"nl": "p"}, "prefill": True}),
    ("field without purpose", ["fields", 0], {"id": "x", "concept": "enterprise.number"}),
    ("misspelt member", ["fields", 0],
     {"id": "x", "concept": "enterprise.number", "purpose": {"nl": "p"}, "requird": True}),
    ("text in an unknown language", ["fields", 0],
     {"id": "x", "concept": "enterprise.number", "purpose": {"es": "p"}}),
    ("empty text", ["fields", 0], {"id": "x", "concept": "enterprise.number", "purpose": {}}),
    ("upper-case field id", ["fields", 0],
     {"id": "Naam", "concept": "enterprise.number", "purpose": {"nl": "p"}}),
    ("advance_days without advance_field", ["process"],
     {"owner": {"nl": "o"}, "legal_basis": {"nl": "b"}, "advance_days": 45}),
    ("unknown applicant type", ["applicant"], {"type": "company"}),
]


def base_form():
    return {"id": "t", "version": "1.0", "languages": ["nl"], "title": {"nl": "t"},
            "process": {"owner": {"nl": "o"}, "legal_basis": {"nl": "b"}},
            "applicant": {"type": "enterprise"},
            "sections": [{"id": "s", "title": {"nl": "s"}, "fields": [
                {"id": "n", "concept": "enterprise.number", "purpose": {"nl": "p"}}]}]}


def check_schema_rejects(checker, validator):
    if list(validator.iter_errors(base_form())):
        checker.fail("form.schema.json", "rejects the minimal valid form")
    for name, path, value in BROKEN:
        form = base_form()
        node = form if path[0] != "fields" else form["sections"][0]
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
        if not list(validator.iter_errors(form)):
            checker.fail("form.schema.json", f"accepts a form with {name}")


def check_descriptions(checker, node, pointer="#"):
    """Check that every schema below properties and $defs has a description."""
    if not isinstance(node, dict):
        return
    for group in ("properties", "$defs"):
        for name, sub in node.get(group, {}).items():
            where = f"{pointer}/{group}/{name}"
            if isinstance(sub, dict) and "description" not in sub:
                checker.fail("form.schema.json", f"{where} has no description")
            check_descriptions(checker, sub, where)
    for key in ("items", "if", "then", "else", "not"):
        check_descriptions(checker, node.get(key), f"{pointer}/{key}")
    for key in ("allOf", "anyOf", "oneOf"):
        for i, sub in enumerate(node.get(key, [])):
            check_descriptions(checker, sub, f"{pointer}/{key}/{i}")


def normalise(text):
    """Normalise a label the way the matcher does (docs/concepts.md, Matching)."""
    text = text.lower()
    for noise in ("(verplicht)", "(obligatoire)", "(pflichtfeld)", "(required)", "*"):
        text = text.replace(noise, " ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s]|_", " ", text)
    return re.sub(r"\s+", " ", text).strip()


class Checker:
    def __init__(self, root):
        self.root = root
        self.problems = []

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")

    def load(self, path):
        try:
            with open(path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError) as e:
            self.fail(path, f"cannot read JSON: {e}")
            return None


def compile_pattern(checker, where, pattern):
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as e:
        checker.fail(where, f"pattern does not compile: {e}: {pattern}")
        return None


def check_catalogue(checker, cat):
    ids = set()
    compiled = {}
    for c in cat.get("concepts", []):
        cid = c.get("id", "?")
        where = f"concepts.json {cid}"
        if cid in ids:
            checker.fail(where, "id appears twice")
        ids.add(cid)
        for member in ("id", "kind", "source", "oslo", "input_type", "label", "patterns"):
            if member not in c:
                checker.fail(where, f"missing member {member}")
        if c.get("source") != "none" and "key" not in c:
            checker.fail(where, "source is not none but no key")
        if c.get("kind") == "document" and ("fetchable" not in c or "fetch_note" not in c):
            checker.fail(where, "a document needs fetchable and fetch_note")
        if c.get("context") not in (None,) + SUBJECTS:
            checker.fail(where, f"unknown context {c.get('context')}")
        for member in ("label", "patterns"):
            for lang in LANGS:
                if not c.get(member, {}).get(lang):
                    checker.fail(where, f"{member} has no {lang} text")
        pats = {}
        for lang, pattern in c.get("patterns", {}).items():
            pats[lang] = compile_pattern(checker, f"{where} patterns.{lang}", pattern)
        for member in ("name_pattern", "value_pattern"):
            if member in c:
                compile_pattern(checker, f"{where} {member}", c[member])
        compiled[cid] = (c, pats)
    for c, _ in compiled.values():
        for member in ("key", "derived_from"):
            if member in c and c[member] not in ids:
                checker.fail(f"concepts.json {c['id']}", f"{member} {c[member]} is not a concept")
    return compiled


def load_subject_patterns(root):
    """Read the subject word patterns compiled into the audit matcher.

    Returns {subject: compiled pattern}, or None when audit/match.c is absent
    or its layout changed, so that the label checks use the matcher's own words.
    """
    try:
        source = (root / "audit" / "match.c").read_text(encoding="utf-8")
    except OSError:
        return None
    patterns = {}
    for subject in SUBJECTS:
        block = re.search(r"\[OO_SUBJECT_" + subject.upper() + r"\]\s*=\s*((?:\s*\"(?:[^\"\\]|\\.)*\")+)", source)
        if not block:
            return None
        literal = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block.group(1)))
        patterns[subject] = re.compile(literal.encode().decode("unicode_escape"), re.IGNORECASE)
    return patterns


def subject_of(text, subjects):
    """Return the subject whose words start earliest in text, or None."""
    best, best_start = None, None
    for subject in SUBJECTS:
        found = subjects[subject].search(text) if text else None
        if found and (best_start is None or found.start() < best_start):
            best, best_start = subject, found.start()
    return best


def admits(required, subject):
    """Enterprise and establishment headings admit each other's concepts."""
    if required is None or required == subject:
        return True
    return subject is not None and "person" not in (required, subject)


def best_match(label, heading, kind, compiled, subjects, name=None):
    """Match one label the way the audit matcher does; return a concept id.

    kind is "datum", "document" or None for both; name is a control name
    or field id. Scores follow audit/match.c: a label match scores 100, plus
    2 per character it starts before position 50, plus its length up to 50;
    a name match adds 40 to a label match or scores 60 alone; a concept whose
    context is the subject named by the label or heading gets 5 more.
    """
    norm_label, norm_heading = normalise(label), normalise(heading)
    subject = subject_of(norm_label, subjects) or subject_of(norm_heading, subjects)
    best, best_score = None, 0
    for cid, (c, pats) in compiled.items():
        if kind and c.get("kind") != kind:
            continue
        if not admits(c.get("context"), subject):
            continue
        hits = [m for m in (p.search(norm_label) for p in pats.values() if p) if m]
        name_hit = bool(name and c.get("name_pattern")
                        and re.search(c["name_pattern"], name, re.IGNORECASE))
        if not hits and not name_hit:
            continue
        score = 0
        if hits:
            first = min(m.start() for m in hits)
            span = max(m.end() - m.start() for m in hits if m.start() == first)
            score = 100 + 2 * (POSITION_MAX - min(first, POSITION_MAX)) + min(span, POSITION_MAX)
        if name_hit:
            score += 40 if hits else 60
        if c.get("context") and c.get("context") == subject:
            score += 5
        if score > best_score:
            best, best_score = cid, score
    return best


def check_labels(checker, compiled, subjects):
    for label, heading, is_file, expected in LABELS:
        got = best_match(label, heading, "document" if is_file else "datum", compiled, subjects)
        if got != expected:
            checker.fail("label matching", f"{label!r} under {heading!r}: expected {expected}, got {got}")


def texts(node, path):
    """Yield (path, text object) for every text object in a definition."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description", "label", "hint", "purpose", "owner", "legal_basis") \
                    and isinstance(value, dict):
                yield f"{path}/{key}", value
            else:
                yield from texts(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from texts(value, f"{path}/{i}")


def check_field_concepts(checker, where, fields, compiled):
    """Check the concepts and documents the fields name, and the field ids."""
    seen_ids, seen_concepts = set(), set()
    for field in fields:
        fid = field.get("id", "?")
        if fid in seen_ids:
            checker.fail(where, f"field id {fid} appears twice")
        seen_ids.add(fid)
        for member in ("concept", "document"):
            cid = field.get(member)
            if cid is None:
                continue
            if cid not in compiled:
                checker.fail(where, f"{fid}: {member} {cid} is not in concepts.json")
                continue
            concept = compiled[cid][0]
            if cid in seen_concepts:
                checker.fail(where, f"{fid}: concept {cid} is asked twice")
            seen_concepts.add(cid)
            if concept.get("kind") == "document" and concept.get("fetchable"):
                checker.fail(where, f"{fid}: asks for {cid}, which a government body can fetch")
            if member == "concept" and concept.get("source") != "none" and field.get("prefill") is False:
                checker.fail(where, f"{fid}: asks authentic {cid} by hand (prefill false)")


def check_conditions(checker, where, fields):
    """Check that each visible_if names an earlier field and one of its values."""
    earlier = {}
    for field in fields:
        cond = field.get("visible_if")
        if cond:
            fid = field.get("id", "?")
            target = earlier.get(cond.get("field"))
            if target is None:
                checker.fail(where, f"{fid}: visible_if names {cond.get('field')}, not an earlier field")
            elif target.get("options") and cond.get("equals") not in [o["value"] for o in target["options"]]:
                checker.fail(where, f"{fid}: visible_if value {cond.get('equals')} is not an option")
            elif target.get("type") == "checkbox" and cond.get("equals") not in ("true", "false"):
                checker.fail(where, f"{fid}: a checkbox condition must be 'true' or 'false'")
        earlier[field.get("id")] = field


def check_own_fields(checker, where, fields, compiled, subjects):
    """Check that no field of the form's own asks for a catalogue concept.

    Like the rule that reports authentic data asked by hand, this matches
    the label in each language and the field id against every concept.
    """
    for field in fields:
        if field.get("concept") or field.get("document"):
            continue
        for lang, label in field.get("label", {}).items():
            got = best_match(label, "", None, compiled, subjects, field.get("id"))
            if got is None:
                continue
            is_document = compiled[got][0].get("kind") == "document"
            if is_document == (field.get("type") == "file"):
                checker.fail(where, f"{field.get('id')}: {lang} label {label!r} reads as concept {got}")


def check_form(checker, path, form, validator, compiled, subjects):
    where = path.name
    for error in validator.iter_errors(form):
        pointer = "/" + "/".join(str(p) for p in error.absolute_path)
        checker.fail(where, f"schema: {pointer}: {error.message}")
    if form.get("id") and path.name != f"{form['id']}.form.json":
        checker.fail(where, f"file name does not match id {form['id']}")

    for pointer, text in texts(form, ""):
        for lang in form.get("languages", []):
            if not text.get(lang):
                checker.fail(where, f"{pointer} has no {lang} text")

    fields = [f for s in form.get("sections", []) for f in s.get("fields", [])]
    check_field_concepts(checker, where, fields, compiled)
    check_conditions(checker, where, fields)
    if subjects is not None:
        check_own_fields(checker, where, fields, compiled, subjects)

    if form.get("applicant", {}).get("type") in ("enterprise", "both"):
        if not any(f.get("concept") == "enterprise.number" and f.get("required") for f in fields):
            checker.fail(where, "enterprise applicant without a required enterprise.number field")
    advance = form.get("process", {}).get("advance_field")
    by_id = {f.get("id"): f for f in fields}
    if advance and by_id.get(advance, {}).get("type") != "date":
        checker.fail(where, f"advance_field {advance} is not a date field")
    if not 10 <= len(fields) <= 25:
        checker.fail(where, f"{len(fields)} fields; a shipped form has 10 to 25")


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
    checker = Checker(root)
    try:
        import jsonschema
    except ImportError:
        print("validate_data.py: the Python package jsonschema is missing; install python3-jsonschema", file=sys.stderr)
        return 2
    cat = checker.load(root / "schemas" / "concepts.json")
    schema = checker.load(root / "schemas" / "form.schema.json")
    if cat is None or schema is None:
        print("\n".join(checker.problems), file=sys.stderr)
        return 1
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    check_schema_rejects(checker, validator)
    check_descriptions(checker, schema)
    compiled = check_catalogue(checker, cat)
    subjects = load_subject_patterns(root)
    if subjects is None:
        print("validate_data.py: audit/match.c not found or changed; label matching not checked",
              file=sys.stderr)
    else:
        check_labels(checker, compiled, subjects)
    forms = sorted((root / "forms").glob("*.form.json"))
    for path in forms:
        form = checker.load(path)
        if form is not None:
            check_form(checker, path, form, validator, compiled, subjects)
    if checker.problems:
        print("\n".join(checker.problems), file=sys.stderr)
        print(f"{len(checker.problems)} problems", file=sys.stderr)
        return 1
    print(f"ok: {len(compiled)} concepts, {len(forms)} forms, {len(LABELS)} labels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
