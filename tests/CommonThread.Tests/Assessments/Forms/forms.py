"""The corpus's forms: what each asks, in which languages, with which spreadsheet habits, and what loading it must give.

expect: ("loads", adaptations) or ("refused", sheet, row, column, words the message must contain).
"""
from writers import F, Blank, Space, Date

YN = [["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]
CH = ["list_name", "name", "label"]
SETTINGS = lambda title, fid, *more: [["form_title", "form_id", "version"] + [m[0] for m in more],
                                      [title, fid, "2026112701"] + [m[1] for m in more]]


def form(survey, choices=None, settings=None):
    sheets = {"survey": survey}
    if choices is not None:
        sheets["choices"] = choices
    if settings is not None:
        sheets["settings"] = settings
    return sheets


LOADING = {}
REFUSED = {}


def loads(name, adaptations=0, **habits):
    def register(build):
        LOADING[name] = (build, ("loads", adaptations), habits)
        return build
    return register


def refused(name, sheet, row, column, words, **habits):
    def register(build):
        REFUSED[name] = (build, ("refused", sheet, row, column, words), habits)
        return build
    return register


@loads("workplace_basic")
def _():
    return form([
        ["type", "name", "label", "hint", "required", "constraint", "constraint_message"],
        ["start", "start", "", "", "", "", ""],
        ["text", "site", "Site name", "As on the licence", True, "", ""],
        ["integer", "workers", "How many workers?", "", True, ". >= 0", "Cannot be negative"],
        ["select_one yes_no", "union", "Is there a union?", "", False, "", ""],
        ["date", "visited", "Date of visit", "", "", ". <= today()", "Not in the future"],
        ["note", "thanks", "Thank you", "", "", "", ""],
    ], [CH] + YN, SETTINGS("Workplace check", "wp_basic"))


@loads("multilingual_en_fr")
def _():
    return form([
        ["type", "name", "label::English (en)", "label::Français (fr)", "hint::English (en)", "hint::Français (fr)", "required"],
        ["select_one yes_no", "contract", "Do workers have a contract?", "Les travailleurs ont-ils un contrat ?", "Written", "Écrit", "yes"],
        ["integer", "hours", "Weekly hours", "Heures par semaine", "", "", "yes"],
        ["text", "comment", "Comment", "Commentaire", "", "", "no"],
    ], [["list_name", "name", "label::English (en)", "label::Français (fr)"], ["yes_no", "yes", "Yes", "Oui"], ["yes_no", "no", "No", "Non"]],
        SETTINGS("Contrats", "contracts", ("default_language", "Français (fr)")))


@loads("single_colon_languages")
def _():
    return form([
        ["type", "name", "label:English", "label:Français", "Hint : English", "required"],
        ["integer", "age", "Age", "Âge", "In years", "TRUE"],
        ["select_one yes_no", "minor_work", "Do minors work here?", "Des mineurs travaillent-ils ici ?", "", "FALSE"],
    ], [["list_name", "name", "label:English", "label:Français"], ["yes_no", "yes", "Yes", "Oui"], ["yes_no", "no", "No", "Non"]],
        SETTINGS("Age check", "age_check"))


@loads("groups_and_roster")
def _():
    return form([
        ["type", "name", "label", "repeat_count", "relevant", "calculation"],
        ["begin_group", "household", "Household", "", "", ""],
        ["integer", "members", "How many members?", "", "", ""],
        ["end_group", "", "", "", "", ""],
        ["begin_repeat", "member", "Member", "${members}", "${members} > 0", ""],
        ["text", "member_name", "Name", "", "", ""],
        ["integer", "member_age", "Age", "", "", ""],
        ["end_repeat", "", "", "", "", ""],
        ["calculate", "adults", "", "", "", "count(${member_name})"],
    ], [CH], SETTINGS("Household roster", "roster"))


@loads("or_other_and_cascading")
def _():
    return form([
        ["type", "name", "label", "choice_filter"],
        ["select_one region", "region", "Region", ""],
        ["select_one district", "district", "District", "region = ${region}"],
        ["select_multiple issues or_other", "issues", "Which issues?", ""],
    ], [["list_name", "name", "label", "region"],
        ["region", "north", "North", ""], ["region", "south", "South", ""],
        ["district", "n1", "North 1", "north"], ["district", "s1", "South 1", "south"],
        ["issues", "pay", "Pay", ""], ["issues", "hours", "Hours", ""]], SETTINGS("Regions", "regions"))


@loads("media_without_labels")
def _():
    return form([
        ["type", "name", "label", "hint", "media::image", "media::audio::English"],
        ["note", "picture_note", "", "", "factory.png", ""],
        ["select_one yes_no", "fire_exit", "", "Is this fire exit clear?", "exit.jpg", ""],
        ["integer", "extinguishers", "", "", "extinguisher.png", ""],
        ["text", "spoken", "", "", "", "question.mp3"],
    ], [["list_name", "name", "label", "image"], ["yes_no", "yes", "Yes", "yes.png"], ["yes_no", "no", "", "no.png"]],
        SETTINGS("Pictures", "pictures"))


@loads("unsupported_types", adaptations=7)
def _():
    return form([
        ["type", "name", "label", "appearance", "parameters"],
        ["geopoint", "location", "Where is the site?", "", ""],
        ["image", "photo", "Photo of the entrance", "", ""],
        ["image", "signature", "Signature of the manager", "signature", ""],
        ["file", "licence", "Licence document", "", ""],
        ["barcode", "badge", "Scan a badge", "", ""],
        ["geotrace", "route", "Walk the fire route", "", ""],
        ["range", "satisfaction", "How satisfied?", "", "start=0 end=10 step=1"],
        ["audio", "interview", "Record the interview", "", ""],
        ["video", "walkthrough", "Film the floor", "", ""],
        ["select_one_from_file sites.csv", "site", "Which site?", "", ""],
        ["text", "notes", "Notes", "", ""],
    ], [CH], SETTINGS("Media", "media"))


@loads("metadata_rows")
def _():
    return form([
        ["type", "name", "label", "calculation", "default"],
        ["start", "start", "", "", ""],
        ["end", "end", "", "", ""],
        ["today", "today", "", "", ""],
        ["deviceid", "deviceid", "", "", ""],
        ["username", "username", "", "", ""],
        ["hidden", "source", "", "", "kobo"],
        ["audit", "audit", "", "", ""],
        ["text", "q1", "What changed since last time?", "", ""],
    ], None, SETTINGS("Metadata", "metadata"))


# LibreOffice saves no result for a formula giving text in .xls (no STRING record follows the FORMULA one), so the
# reader sees 0 there: that .xls is refused at the first computed name, which is what the author must be told.
@loads("formula_cells", expect_libreoffice_xls=("refused", "survey", 2, "name", "'0' is not a valid name"))
def _():
    return form([
        ["type", "name", "label", "required", "relevant"],
        ["integer", F('"q_"&"1"', '"q_"&"1"', "q_1"), F('"Question "&1', '"Question "&1', "Question 1"), F("TRUE()", "TRUE()", True), ""],
        ["integer", F('"q_"&"2"', '"q_"&"2"', "q_2"), F('"Question "&2', '"Question "&2', "Question 2"), F("FALSE()", "FALSE()", False), "${q_1} > 0"],
        ["text", "q_3", F('UPPER("total")', 'UPPER("total")', "TOTAL"), "", ""],
    ], [CH], SETTINGS("Computed names", "computed", ("instance_name", F('"concat(${q_1})"', '"concat(${q_1})"', "concat(${q_1})"))))


@loads("booleans_everywhere")
def _():
    return form([
        ["type", "name", "label", "required", "read_only", "relevant", "calculation"],
        ["text", "a", "A", True, False, "yes", ""],
        ["text", "b", "B", "TRUE()", "FALSE()", "TRUE", ""],
        ["text", "c", "C", "Yes", "No", "true()", ""],
        ["text", "d", "D", "NO", "no", "false", ""],
        ["calculate", "e", "", "", "", "", "1 + 1"],
    ], None, SETTINGS("Booleans", "booleans"))


@loads("styled_rows_to_the_bottom", styled_to=1048576)
def _():
    return form([
        ["type", "name", "label", "required"],
        ["text", "a", "A", "yes"],
        ["integer", "b", "B", "no"],
        ["select_one yes_no", "c", "C", ""],
    ], [CH] + YN, SETTINGS("Formatted sheet", "formatted"))


@loads("curly_quotes")
def _():
    return form([
        ["type", "name", "label", "relevant", "constraint", "default"],
        ["select_one yes_no", "union", "Union?", "", "", "\u2018no\u2019"],
        ["text", "union_name", "Which union?", "${union} = \u2018yes\u2019", "string-length(.) > 1", ""],
        ["text", "why", "Why \u201cno\u201d?", "${union} = \u201cno\u201d", "", ""],
    ], [CH] + YN, SETTINGS("Quotes", "quotes"))


@loads("legacy_aliases", adaptations=0)
def _():
    return form([
        ["type", "name", "caption", "relevance", "constraint message"],
        ["select one from yes_no", "a", "A", "", ""],
        ["select all that apply from issues", "b", "B", "", ""],
        ["select_multiple issues", "c", "C", "", ""],
        ["phone number", "phone", "Phone", "", ""],
        ["add integer prompt", "count", "Count", "${a} = 'yes'", "Whole number"],
        ["q picture", "pic", "Picture", "", ""],
        ["location", "where", "Where?", "", ""],
        ["gps", "gps", "GPS", "", ""],
        ["decimal", "amount", "Amount", "", ""],
        ["int", "n", "N", "", ""],
        ["string", "s", "S", "", ""],
        ["select_one issues or specify other", "d", "D", "", ""],
        ["add date prompt", "when", "When?", "", ""],
        ["imei", "imei", "", "", ""],
    ], [CH] + YN + [["issues", "pay", "Pay"], ["issues", "hours", "Hours"]], SETTINGS("Old form", "old_form"))


@loads("same_names_in_two_groups")
def _():
    return form([
        ["type", "name", "label"],
        ["begin_group", "mother", "Mother"],
        ["text", "name", "Name"],
        ["integer", "age", "Age"],
        ["end_group", "", ""],
        ["begin_group", "father", "Father"],
        ["text", "name", "Name"],
        ["integer", "age", "Age"],
        ["end_group", "", ""],
        ["integer", "children", "Children"],
    ], None, SETTINGS("Parents", "parents"))


@loads("choice_duplicates_allowed")
def _():
    return form([
        ["type", "name", "label"],
        ["select_one scale", "rating", "Rating"],
    ], [CH, ["scale", "1", "Bad"], ["scale", "2", "Fair"], ["scale", "2", "Fair (again)"], ["scale", "3", "Good"]],
        SETTINGS("Duplicates", "dups", ("allow_choice_duplicates", "yes")))


@loads("references_in_texts")
def _():
    return form([
        ["type", "name", "label", "hint", "constraint", "constraint_message"],
        ["text", "site", "Site", "", "", ""],
        ["integer", "workers", "How many workers at ${site}?", "Count everyone at ${site}", ". > 0", "${site} must have workers"],
        ["select_one yes_no", "ok", "Is ${site} compliant?", "", "", ""],
    ], [CH, ["yes_no", "yes", "Yes, ${site} is"], ["yes_no", "no", "No"]],
        SETTINGS("Texts", "texts", ("instance_name", "concat(${site}, '-', ${workers})")))


@loads("kobo_export", adaptations=2)
def _():
    return form([
        ["type", "name", "label::English (en)", "label::Khmer (km)", "required", "appearance", "$autoname", "$kuid"],
        ["start", "start", "", "", "", "", "start", "a1"],
        ["end", "end", "", "", "", "", "end", "a2"],
        ["begin_group", "workplace", "Workplace", "កន្លែងធ្វើការ", "", "field-list", "workplace", "a3"],
        ["integer", "workers", "How many workers?", "កម្មករប៉ុន្មាននាក់?", "true", "", "workers", "a4"],
        ["geopoint", "gps", "Location", "ទីតាំង", "false", "", "gps", "a5"],
        ["audio", "voice", "Voice note", "សំឡេង", "false", "", "voice", "a6"],
        ["end_group", "", "", "", "", "", "", "a7"],
        ["background-audio", "bg", "", "", "", "", "bg", "a8"],
    ], [["list_name", "name", "label::English (en)", "label::Khmer (km)", "$kuid"]],
        [["form_title", "form_id", "version", "default_language"], ["Workplace", "kobo_wp", "vQ2kB", "English (en)"]])


@loads("whitespace_cells", styled_to=5000)
def _():
    return form([
        ["type", "name", "label", "hint"],
        ["text", "a", "A", Space()],
        [Space(), Space(), Blank(), Blank()],
        ["integer", "b", "B", Blank()],
        [Blank(), Blank(), Blank(), Blank()],
    ], [CH] + YN + [[Blank(), Space(), Blank()]], SETTINGS("Spaces", "spaces"))


@loads("date_cells")
def _():
    return form([
        ["type", "name", "label", "default", "constraint"],
        ["date", "visited", "Date of visit", Date(2026, 1, 15), ". >= date('2025-01-01')"],
        ["integer", "workers", "Workers", "", ""],
    ], None, SETTINGS("Dates", "dates"))


# ---------------------------------------------------------------- forms that must be refused, with where

@refused("unknown_type", "survey", 3, "type", "Did you mean 'integer'?")
def _():
    return form([["type", "name", "label"], ["text", "a", "A"], ["intger", "b", "B"]], None, SETTINGS("Typo", "typo"))


@refused("unclosed_group", "survey", 2, "type", "never ended")
def _():
    return form([["type", "name", "label"], ["begin_group", "g", "G"], ["text", "a", "A"]], None, SETTINGS("Open", "open"))


@refused("stray_end_repeat", "survey", 3, "type", "closes no open repeat")
def _():
    return form([["type", "name", "label"], ["text", "a", "A"], ["end_repeat", "", ""]], None, SETTINGS("Stray", "stray"))


@refused("bad_expression", "survey", 3, "relevant", "character")
def _():
    return form([["type", "name", "label", "relevant"], ["integer", "a", "A", ""], ["text", "b", "B", "(${a} > 3"]], None, SETTINGS("Bad", "bad"))


@refused("missing_choice_list", "survey", 2, "type", "no choice list 'colours'")
def _():
    return form([["type", "name", "label"], ["select_one colours", "c", "Colour"]], [CH] + YN, SETTINGS("Missing", "missing"))


@refused("calculation_cycle", "survey", 2, "calculation", "depends on itself")
def _():
    return form([["type", "name", "label", "calculation"], ["calculate", "a", "", "${b} + 1"], ["calculate", "b", "", "${a} * 2"]], None, SETTINGS("Loop", "loop"))


@refused("duplicate_sibling_names", "survey", 4, "name", "already the name of row 3")
def _():
    return form([["type", "name", "label"], ["begin_group", "g", "G"], ["text", "a", "A"], ["text", "a", "Again"], ["end_group", "", ""]],
                None, SETTINGS("Twice", "twice"))


@refused("ambiguous_reference", "survey", 9, "relevant", "could mean the question in row 3 or row 6")
def _():
    return form([["type", "name", "label", "relevant"],
                 ["begin_group", "g1", "G1", ""], ["integer", "age", "Age", ""], ["end_group", "", "", ""],
                 ["begin_group", "g2", "G2", ""], ["integer", "age", "Age", ""], ["end_group", "", "", ""],
                 ["text", "x", "X", ""], ["text", "y", "Y", "${age} > 3"]], None, SETTINGS("Which age", "which"))


@refused("reference_in_label_to_nothing", "survey", 2, "label", "${site} refers to no question")
def _():
    return form([["type", "name", "label"], ["integer", "workers", "Workers at ${site}?"]], None, SETTINGS("Nothing", "nothing"))


@refused("reserved_meta", "survey", 3, "name", "reserved")
def _():
    return form([["type", "name", "label"], ["text", "a", "A"], ["text", "meta", "Meta"]], None, SETTINGS("Meta", "meta_form"))


@refused("duplicate_choices", "choices", 4, "name", "appears twice")
def _():
    return form([["type", "name", "label"], ["select_one yes_no", "a", "A"]], [CH] + YN + [["yes_no", "yes", "Yes again"]], SETTINGS("Dup", "dup"))


@refused("select_without_list", "survey", 2, "type", "needs the name of its choice list")
def _():
    return form([["type", "name", "label"], ["select_one", "a", "A"]], [CH] + YN, SETTINGS("No list", "nolist"))


@refused("no_label_no_hint", "survey", 2, "label", "no label or hint")
def _():
    return form([["type", "name", "label"], ["integer", "a", ""]], None, SETTINGS("Silent", "silent"))


@refused("name_with_space", "survey", 2, "name", "not a valid name")
def _():
    return form([["type", "name", "label"], ["text", "first name", "First name"]], None, SETTINGS("Space", "space"))


@refused("reference_in_settings", "settings", 2, "instance_name", "${site} refers to no question")
def _():
    return form([["type", "name", "label"], ["text", "a", "A"]], None, SETTINGS("Instance", "inst", ("instance_name", "concat(${site}, '-x')")))


@refused("formula_without_saved_result", "survey", 2, "label", "formula without a saved result", only="excel")
def _():
    return form([["type", "name", "label"], ["text", "a", F('"Name of "&B9', None, None)]], None, SETTINGS("Unsaved", "unsaved"))
