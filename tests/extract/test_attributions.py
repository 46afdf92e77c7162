"""Attribution finding on wire-style sentences written for these tests."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from factbox.extract.attributions import find_attributions
from factbox.extract.cues import load_cue_lexicon
from factbox.extract.quotes import find_quotes, is_title_like
from factbox.records import Statement


def attributions(nlp: Language, text: str) -> list[Statement]:
    statements = find_attributions(nlp(text))
    for statement in statements:
        assert_offsets_hold(text, statement)
    return statements


def assert_offsets_hold(text: str, statement: Statement) -> None:
    """Every stored string is the text at its span; the span covers all the parts."""
    if statement.cue_span is not None:
        assert text[slice(*statement.cue_span)] == statement.cue
    else:
        assert statement.cue == ""
    if statement.source_span is not None:
        assert text[slice(*statement.source_span)] == statement.source_text
    start, end = statement.content_span
    covered = text[start:end]
    # A content made of several quoted parts is their words, in order, within content_span.
    position = 0
    for word in statement.content.split():
        found = covered.find(word, position)
        assert found >= 0, (word, covered)
        position = found + len(word)
    assert covered.startswith(statement.content.split()[0])
    assert covered.endswith(statement.content.split()[-1])
    parts = [statement.content_span]
    parts += [s for s in (statement.cue_span, statement.source_span) if s is not None]
    assert statement.span == (min(p[0] for p in parts), max(p[1] for p in parts))
    for edge in (statement.content, statement.source_text):
        if edge:
            assert edge == edge.strip()
            assert edge[-1] not in ",;:" and edge[0] not in ",;:."


def only(statements: list[Statement]) -> Statement:
    assert len(statements) == 1, [(s.cue, s.content) for s in statements]
    return statements[0]


# Direct quotes in every style ------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "closing"),
    [('"', '"'), ("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ("\u201e", "\u201c")],
    ids=["straight", "curly", "guillemets", "low-high"],
)
def test_direct_quote_in_each_double_style(nlp: Language, opening: str, closing: str) -> None:
    text = (
        f"{opening}NATO will not be dragged into this war,{closing} "
        "Secretary General Mark Rutte said in Brussels."
    )
    statement = only(attributions(nlp, text))
    assert statement.kind == "direct"
    assert statement.cue == "said"
    assert statement.source_text == "Secretary General Mark Rutte"
    assert statement.content == "NATO will not be dragged into this war"


def test_british_curly_single_quotes_keep_apostrophes(nlp: Language) -> None:
    text = (
        "\u2018Europe\u2019s leaders don\u2019t agree on sending troops,\u2019 "
        "the Foreign Secretary said."
    )
    statement = only(attributions(nlp, text))
    assert statement.kind == "direct"
    assert statement.content == "Europe\u2019s leaders don\u2019t agree on sending troops"
    assert statement.source_text == "the Foreign Secretary"


def test_british_straight_single_quotes_survive_plural_possessive(nlp: Language) -> None:
    text = "'We won't put the allies' soldiers at risk,' the defence minister told the BBC."
    statement = only(attributions(nlp, text))
    assert statement.kind == "direct"
    assert statement.content == "We won't put the allies' soldiers at risk"
    assert statement.cue == "told the BBC"
    assert statement.source_text == "the defence minister"


# Split and multi-paragraph quotes ---------------------------------------------------------


def test_quote_continued_after_the_attribution_sentence(nlp: Language) -> None:
    text = '"We are ready to help Kyiv," he said. "But not alone."'
    statement = only(attributions(nlp, text))
    assert statement.kind == "direct"
    assert statement.source_text == "he"
    assert statement.content == "We are ready to help Kyiv But not alone."
    assert statement.content_span == (text.index("We"), text.index("alone.") + len("alone."))


def test_quote_split_around_inverted_attribution(nlp: Language) -> None:
    text = '"We," said Fico, "will not send a single Slovak soldier to Ukraine."'
    statement = only(attributions(nlp, text))
    assert statement.kind == "direct"
    assert statement.source_text == "Fico"
    assert statement.cue == "said"
    assert statement.content == "We will not send a single Slovak soldier to Ukraine."


def test_quote_running_over_paragraphs_is_one_statement(nlp: Language) -> None:
    text = (
        "The Czech prime minister spoke after the summit in Paris.\n\n"
        '"Our support for Ukraine is political, financial and military.\n\n'
        '"But there will be no Czech combat troops on Ukrainian soil," Petr Fiala said.'
    )
    statement = only(attributions(nlp, text))
    assert statement.kind == "direct"
    assert statement.source_text == "Petr Fiala"
    assert statement.content.startswith("Our support for Ukraine")
    assert statement.content.endswith("on Ukrainian soil")
    assert "\n" not in statement.content and '"' not in statement.content


# Colon lead-ins and trailing dashes -------------------------------------------------------


def test_colon_lead_in_with_bare_name(nlp: Language) -> None:
    text = 'Stoltenberg: "There are no plans for NATO combat troops in Ukraine."'
    statement = only(attributions(nlp, text))
    assert statement.kind == "direct"
    assert statement.source_text == "Stoltenberg"
    assert statement.cue == ":"
    assert statement.content == "There are no plans for NATO combat troops in Ukraine."


def test_colon_lead_in_after_speech_verb(nlp: Language) -> None:
    text = 'Peskov told reporters: "This would be a very dangerous step for Europe."'
    statement = only(attributions(nlp, text))
    assert statement.source_text == "Peskov"
    assert statement.cue == "told reporters"
    assert statement.content == "This would be a very dangerous step for Europe."


@pytest.mark.parametrize("dash", ["\u2014", "-", "\u2013"])
def test_trailing_dash_attribution(nlp: Language, dash: str) -> None:
    text = f'"No Czech combat troops will be sent to Ukraine" {dash} Czech PM Petr Fiala'
    statement = only(attributions(nlp, text))
    assert statement.kind == "direct"
    assert statement.cue == dash
    assert statement.source_text == "Czech PM Petr Fiala"
    assert statement.content == "No Czech combat troops will be sent to Ukraine"


# Speaker in the neighbouring sentence ----------------------------------------------------


def test_quote_after_sentence_naming_the_speaker(nlp: Language) -> None:
    text = 'Macron was defiant on Monday evening. "Nothing can be ruled out."'
    statement = only(attributions(nlp, text))
    assert statement.kind == "direct"
    assert statement.source_text == "Macron"
    assert statement.source_span == (0, len("Macron"))
    assert statement.cue_span is None
    assert statement.content == "Nothing can be ruled out."


def test_quote_after_reported_speech_takes_its_source(nlp: Language) -> None:
    text = (
        "Slovak Prime Minister Robert Fico said his government would block the package. "
        '"We will not pay for a war that cannot be won."'
    )
    reported, quoted = attributions(nlp, text)
    assert reported.kind == "indirect"
    assert quoted.kind == "direct"
    assert quoted.source_span == reported.source_span
    assert quoted.source_text == "Slovak Prime Minister Robert Fico"


def test_quote_paragraph_continues_the_previous_speaker(nlp: Language) -> None:
    text = (
        '"Our support is financial," Fiala said. "We will never change that."\n\n'
        '"And Europe must do far more for its own defence."'
    )
    said, continued = attributions(nlp, text)
    assert said.content == "Our support is financial We will never change that."
    assert continued.source_span == said.source_span
    assert continued.content == "And Europe must do far more for its own defence."
    assert continued.cue_span is None


def test_speaker_of_an_earlier_paragraph_does_not_cross_into_the_next(nlp: Language) -> None:
    text = (
        '"We will not send a single Slovak soldier," Fico told AP. "Not now, not later."\n\n'
        'Macron was defiant on Monday evening. "Nothing can be ruled out."'
    )
    told, quoted = attributions(nlp, text)
    assert told.source_text == "Fico"
    assert quoted.source_text == "Macron"
    assert quoted.content == "Nothing can be ruled out."


def test_quote_after_a_sentence_about_a_thing_is_unattributed(nlp: Language) -> None:
    text = 'The summit ended late on Monday. "Nothing can be ruled out."'
    assert attributions(nlp, text) == []


# Reported speech ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "cue"),
    [
        ("Slovak Prime Minister Robert Fico", "said"),
        ("The Czech government", "stated"),
        ("Hungarian Foreign Minister Peter Szijjarto", "told AP"),
        ("the Kremlin", "warned"),
        ("The French president", "emphasised"),
        ("The German chancellor", "emphasized"),
        ("The alliance", "added"),
        ("Poland", "insisted"),
        ("NATO", "stressed"),
        ("The Italian prime minister", "noted"),
        ("The Dutch defence minister", "argued"),
        ("Moscow", "claimed"),
    ],
)
def test_reported_speech_with_that(nlp: Language, source: str, cue: str) -> None:
    text = f"{source} {cue} that the alliance would not deploy combat troops to Ukraine."
    statement = only(attributions(nlp, text))
    assert statement.kind == "indirect"
    assert statement.cue == cue
    assert statement.source_text == source
    assert statement.source_span == (0, len(source))
    assert statement.content == "the alliance would not deploy combat troops to Ukraine"


def test_reported_speech_with_date_and_no_complementizer(nlp: Language) -> None:
    text = "Fiala said on Monday Czechia would keep supplying ammunition to Kyiv."
    statement = only(attributions(nlp, text))
    assert (statement.cue, statement.source_text) == ("said", "Fiala")
    assert statement.content == "Czechia would keep supplying ammunition to Kyiv"


def test_a_subject_the_parser_hung_on_the_auxiliary(nlp: Language) -> None:
    # "did, however, say": the words between them make the parser hang the subject on "did".
    text = (
        "The minister did, however, say that European leaders now appeared willing to buy "
        "weapons abroad."
    )
    statement = only(attributions(nlp, text))
    assert (statement.source_text, statement.cue) == ("The minister", "say")
    assert statement.content == "European leaders now appeared willing to buy weapons abroad"


@pytest.mark.parametrize(
    "text",
    [
        "Slovakia will not send troops to Ukraine, Fico said on Monday.",
        "Slovakia will not send troops to Ukraine, said Fico.",
    ],
    ids=["content-first", "inverted"],
)
def test_content_before_the_cue(nlp: Language, text: str) -> None:
    statement = only(attributions(nlp, text))
    assert statement.kind == "indirect"
    assert (statement.cue, statement.source_text) == ("said", "Fico")
    assert statement.content == "Slovakia will not send troops to Ukraine"
    assert statement.content_span[0] == 0


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "According to the Kremlin, a European deployment would be a provocation.",
            "a European deployment would be a provocation",
        ),
        (
            "A European deployment would be a provocation, according to the Kremlin.",
            "A European deployment would be a provocation",
        ),
    ],
    ids=["leading", "trailing"],
)
def test_according_to(nlp: Language, text: str, content: str) -> None:
    statement = only(attributions(nlp, text))
    assert statement.cue.lower() == "according to"
    assert statement.source_text == "the Kremlin"
    assert statement.content == content


def test_according_to_keeps_the_full_source_phrase(nlp: Language) -> None:
    text = (
        "Russia sees any troop deployment as a threat, according to a spokesperson for "
        "the Russian president, Dmitry Peskov."
    )
    statement = only(attributions(nlp, text))
    assert statement.source_text == ("a spokesperson for the Russian president, Dmitry Peskov")
    assert statement.content == "Russia sees any troop deployment as a threat"


@pytest.mark.parametrize(
    "text",
    [
        "The premier explained to a broadcaster that the focus was on air defence, according"
        " to a newspaper.",
        '"Nothing should be ruled out," the president said, according to a network.',
    ],
    ids=["indirect", "direct"],
)
def test_according_to_an_outlet_over_a_named_speaker_is_no_statement(
    nlp: Language, text: str
) -> None:
    # the outlet only carries what the subject of the speech verb said
    found = attributions(nlp, text)
    assert found, "the speaker's own statement is kept"
    assert all(s.cue.lower() != "according to" for s in found)
    assert {s.source_text for s in found} <= {"The premier", "the president"}


def test_comment_to_agency_before_the_speaker(nlp: Language) -> None:
    text = "In a comment to AP, Fiala said the coalition was united on air defence."
    statement = only(attributions(nlp, text))
    assert (statement.cue, statement.source_text) == ("said", "Fiala")
    assert statement.content == "the coalition was united on air defence"


def test_comment_to_agency_before_a_long_speaker_phrase(nlp: Language) -> None:
    text = (
        "In a comment to The Associated Press, a spokesperson for the Czech government said "
        'Prague "fully supports" Ukraine but would not send soldiers.'
    )
    statement = only(attributions(nlp, text))
    assert statement.source_text == "a spokesperson for the Czech government"
    assert statement.kind == "mixed"
    assert statement.content == 'Prague "fully supports" Ukraine but would not send soldiers'


def test_conjoined_countries_are_one_source(nlp: Language) -> None:
    text = "Czechia, Poland and Sweden stated that they would not send troops."
    statement = only(attributions(nlp, text))
    assert statement.source_text == "Czechia, Poland and Sweden"
    assert statement.content == "they would not send troops"


def test_source_keeps_its_relative_clause(nlp: Language) -> None:
    text = "Macron, who hosted the meeting, said troops could not be ruled out."
    statement = only(attributions(nlp, text))
    assert statement.source_text == "Macron, who hosted the meeting"
    assert statement.content == "troops could not be ruled out"


def test_cue_in_a_relative_clause_takes_the_noun_as_source(nlp: Language) -> None:
    text = (
        "Macron, who said on Monday that troops could not be ruled out, "
        "hosted the meeting in Paris."
    )
    statement = only(attributions(nlp, text))
    assert statement.source_text == "Macron"
    assert statement.cue == "said"
    assert statement.content == "troops could not be ruled out"


def test_participle_cue_borrows_the_source_and_is_cut_from_the_first(nlp: Language) -> None:
    text = (
        "Fico said Slovakia would not send troops, adding that it would keep "
        "providing humanitarian aid."
    )
    said, adding = attributions(nlp, text)
    assert (said.cue, said.source_text) == ("said", "Fico")
    assert said.content == "Slovakia would not send troops"
    assert (adding.cue, adding.source_text) == ("adding", "Fico")
    assert adding.content == "it would keep providing humanitarian aid"


def test_second_speaker_in_a_while_clause_is_cut_from_the_first(nlp: Language) -> None:
    text = (
        "The Czech prime minister emphasised that no troops would be sent, while his Polish "
        "counterpart insisted on Tuesday that Warsaw would help."
    )
    first, second = attributions(nlp, text)
    assert (first.source_text, first.content) == (
        "The Czech prime minister",
        "no troops would be sent",
    )
    assert (second.cue, second.source_text) == ("insisted", "his Polish counterpart")
    assert second.content == "Warsaw would help"


def test_gerund_after_a_preposition_borrows_the_clause_subject(nlp: Language) -> None:
    text = "Orban opened the debate by saying Hungary would veto the new sanctions."
    statement = only(attributions(nlp, text))
    assert (statement.cue, statement.source_text) == ("saying", "Orban")
    assert statement.content == "Hungary would veto the new sanctions"


def test_asked_participle_is_not_a_cue(nlp: Language) -> None:
    text = 'Asked whether Germany would send troops, Scholz said: "No."'
    statement = only(attributions(nlp, text))
    assert (statement.cue, statement.source_text, statement.content) == ("said", "Scholz", "No.")


def test_bracketed_party_stays_in_the_source(nlp: Language) -> None:
    text = "Senator Jeanne Shaheen (D-N.H.) said NATO enlargement had made Europe safer."
    statement = only(attributions(nlp, text))
    assert statement.source_text == "Senator Jeanne Shaheen (D-N.H.)"


def test_posted_with_colon_and_quote(nlp: Language) -> None:
    text = 'The EU\'s top diplomat, Kaja Kallas, posted on X: "Europe stands with Ukraine."'
    statement = only(attributions(nlp, text))
    assert statement.cue == "posted"
    assert statement.source_text == "The EU's top diplomat, Kaja Kallas"
    assert statement.content == "Europe stands with Ukraine."


def test_passive_announcement_is_skipped(nlp: Language) -> None:
    assert attributions(nlp, "It was announced that the summit would be postponed.") == []


def test_medium_phrase_marks_a_non_speech_verb(nlp: Language) -> None:
    text = "In a statement, the Hungarian foreign ministry rejected the proposal."
    statement = only(attributions(nlp, text))
    assert statement.cue == "In a statement"
    assert statement.source_text == "the Hungarian foreign ministry"
    assert "rejected the proposal" in statement.content


# Direct, mixed, belief -------------------------------------------------------------------


def test_partly_quoted_content_is_mixed(nlp: Language) -> None:
    text = 'Fico said Slovakia would "never" send troops to Ukraine.'
    statement = only(attributions(nlp, text))
    assert statement.kind == "mixed"
    assert statement.content == 'Slovakia would "never" send troops to Ukraine'


def test_fully_quoted_that_clause_is_direct(nlp: Language) -> None:
    text = 'The Kremlin warned that "any such deployment would be met with force."'
    statement = only(attributions(nlp, text))
    assert statement.kind == "direct"
    assert statement.content == "any such deployment would be met with force."


def test_belief_verbs_are_their_own_kind(nlp: Language) -> None:
    text = "Macron wants to keep every option open, and Scholz believes the idea is premature."
    wants, believes = attributions(nlp, text)
    assert (wants.kind, wants.cue, wants.source_text) == ("belief", "wants", "Macron")
    assert (believes.kind, believes.cue, believes.source_text) == ("belief", "believes", "Scholz")
    assert believes.content == "the idea is premature"


def test_cues_inside_a_quote_belong_to_the_quote(nlp: Language) -> None:
    text = '"I think Putin said he wants peace, but he does not," Fiala said.'
    statement = only(attributions(nlp, text))
    assert (statement.cue, statement.source_text) == ("said", "Fiala")
    assert statement.content.startswith("I think Putin said")


# Not statements --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The leaders discussed the so-called 'peace plan' over dinner in Paris.",
        'Ministers met before the "Coalition of the Willing" meeting in London.',
        'Officials described the talks as "useful" and the mood as "calm".',
        "The documentary \u201cWinter on Fire\u201d was shown to the delegates.",
    ],
    ids=["scare-quote", "title", "fragments", "film"],
)
def test_quoted_words_without_a_speaker_are_not_statements(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


def test_quoted_title_inside_reported_speech_does_not_make_it_mixed(nlp: Language) -> None:
    text = 'NATO said the "Coalition of the Willing" meeting would go ahead on Thursday.'
    statement = only(attributions(nlp, text))
    assert statement.kind == "indirect"
    assert statement.content == 'the "Coalition of the Willing" meeting would go ahead on Thursday'


# A whole article ------------------------------------------------------------------------

ARTICLE = """Slovakia will not send soldiers to Ukraine, Prime Minister Robert Fico said on Monday,
breaking with several European allies.

"We will not send a single Slovak soldier," Fico told AP. "Not now, not later."

Czechia, Poland and Sweden stated that they had no such plans either, while French President \
Emmanuel Macron insisted that nothing could be ruled out.

The Kremlin warned that any deployment would mean direct conflict with NATO. According to \
Kremlin spokesman Dmitry Peskov, European troops in Ukraine would be "a legitimate target."

NATO Secretary General Mark Rutte: "Our support for Ukraine is not in question."
"""


def test_article_statements_are_in_text_order_with_expected_sources(nlp: Language) -> None:
    statements = attributions(nlp, ARTICLE)
    starts = [statement.span[0] for statement in statements]
    assert starts == sorted(starts)
    found = [(s.cue, s.source_text, s.kind) for s in statements]
    assert found == [
        ("said", "Prime Minister Robert Fico", "indirect"),
        ("told AP", "Fico", "direct"),
        ("stated", "Czechia, Poland and Sweden", "indirect"),
        ("insisted", "French President Emmanuel Macron", "indirect"),
        ("warned", "The Kremlin", "indirect"),
        ("According to", "Kremlin spokesman Dmitry Peskov", "mixed"),
        (":", "NATO Secretary General Mark Rutte", "direct"),
    ]
    told = statements[1]
    assert told.content == "We will not send a single Slovak soldier Not now, not later."


# Quote marks on their own ----------------------------------------------------------------


def test_find_quotes_pairs_marks_and_skips_apostrophes() -> None:
    families = load_cue_lexicon().quote_families
    text = "'Europe's allies don't agree', he said of the \u201cpeace plan\u201d."
    quotes = find_quotes(text, families)
    assert [text[slice(*quote.parts[0])] for quote in quotes] == [
        "Europe's allies don't agree",
        "peace plan",
    ]


def test_find_quotes_reports_only_the_outer_of_nested_quotes() -> None:
    families = load_cue_lexicon().quote_families
    text = "\"He called the plan 'a provocation' on Monday,\" Fiala said."
    quotes = find_quotes(text, families)
    assert len(quotes) == 1
    assert text[slice(*quotes[0].parts[0])] == "He called the plan 'a provocation' on Monday,"


def test_find_quotes_drops_a_quote_left_open_at_paragraph_end() -> None:
    families = load_cue_lexicon().quote_families
    text = '"This paragraph never closes its quote.\n\nThe next one has a "short" quote.'
    quotes = find_quotes(text, families)
    assert [text[slice(*quote.parts[0])] for quote in quotes] == ["short"]


def test_find_quotes_closes_a_curly_opening_with_a_straight_mark() -> None:
    """Copy edited in two programs mixes the marks: a curly opening, a straight closing."""
    families = load_cue_lexicon().quote_families
    text = 'The mayor said \u201cthe bridge will reopen in May," and left. Then "a second" one.'
    quotes = find_quotes(text, families)
    assert [text[slice(*quote.parts[0])] for quote in quotes] == [
        "the bridge will reopen in May,",
        "a second",
    ]


def test_title_like_quotes() -> None:
    minor = load_cue_lexicon().title_minor_words
    assert is_title_like("Coalition of the Willing", minor)
    assert not is_title_like("We will not send troops", minor)
    assert not is_title_like("Never.", minor)


_WIRE_SENTENCES = [
    '"We are ready," he said.',
    '"But not alone."',
    "Slovakia will not send troops to Ukraine, Fico said on Monday.",
    "According to the Kremlin, the plan is a provocation.",
    "Macron was defiant.",
    "Stoltenberg:",
    '"There are no plans for combat troops."',
    "\u2014 Czech PM Petr Fiala",
    "\u2018Europe\u2019s allies don\u2019t agree,\u2019 the minister said.",
    '"We," said Fico, "will not go."',
    "The so-called 'peace plan' was discussed.",
    "Peskov told reporters:",
    "\u201cNothing is ruled out,",
    "Sweden stated that it had no such plans.",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_WIRE_SENTENCES), st.sampled_from([" ", "\n\n", "\n"])),
        min_size=1,
        max_size=8,
    )
)
def test_any_mix_of_wire_sentences_keeps_offsets_and_order(
    nlp: Language, pieces: list[tuple[str, str]]
) -> None:
    text = "".join(sentence + separator for sentence, separator in pieces).strip()
    statements = attributions(nlp, text)
    starts = [statement.span[0] for statement in statements]
    assert starts == sorted(starts)


_QUOTE_TEXT = st.text(
    alphabet=string.ascii_letters[:6] + " \n.,'\"\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e",
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(_QUOTE_TEXT)
def test_find_quotes_spans_are_well_formed(text: str) -> None:
    quotes = find_quotes(text, load_cue_lexicon().quote_families)
    previous_end = -1
    for quote in quotes:
        start, end = quote.outer
        assert 0 <= start < end <= len(text)
        assert start >= previous_end
        previous_end = end
        for part_start, part_end in quote.parts:
            assert start < part_start < part_end < end
            assert "\n" not in text[part_start:part_end]
            assert text[part_start:part_end] == text[part_start:part_end].strip()


def test_that_clause_hung_on_a_phrase_after_the_cue_is_its_content(nlp: Language) -> None:
    text = (
        "In Madrid, government spokeswoman Pilar Alegría told reporters after the weekly "
        "cabinet meeting that Spain did not agree with deploying European troops in Ukraine."
    )
    (told,) = find_attributions(nlp(text))
    assert told.cue == "told reporters"
    assert told.source_text == "government spokeswoman Pilar Alegría"
    assert told.content == "Spain did not agree with deploying European troops in Ukraine"
    late = "Orban wrote on Sunday in the early morning hours that Hungary would veto the plan."
    (wrote,) = find_attributions(nlp(late))
    assert wrote.content == "Hungary would veto the plan"


def test_speaker_set_off_by_commas_after_a_place_is_the_source(nlp: Language) -> None:
    text = (
        "In Zagreb, Italy’s foreign minister, Antonio Tajani, said talk of sending troops "
        "had to be handled with great caution."
    )
    (said,) = find_attributions(nlp(text))
    assert said.source_text == "Italy’s foreign minister, Antonio Tajani"
    assert said.content == "talk of sending troops had to be handled with great caution"


def test_clause_opened_by_a_subordinator_is_not_the_cues_content(nlp: Language) -> None:
    text = (
        "The White House said on Tuesday that the United States would not send troops, "
        "a day after Macron said Western ground troops could not be ruled out."
    )
    statements = {s.source_text: s.content for s in find_attributions(nlp(text))}
    assert statements == {
        "The White House": "the United States would not send troops",
        "Macron": "Western ground troops could not be ruled out",
    }


def test_a_clause_standing_for_a_noun_is_not_reported_speech(nlp: Language) -> None:
    # "dismissed" and "questioned" are not in the hand-made lexicon: the cue classifier
    # proposes them, and they report a clause, not a free relative that is their object.
    # Dismissing it is a stance act, whose content is the object, not reported speech.
    taboo = "The chancellor dismissed what had long been a Western «taboo» as a relic."
    assert [s.kind for s in find_attributions(nlp(taboo))] == ["act"]
    doubt = "The chancellor questioned whether the mission would ever be approved."
    (questioned,) = find_attributions(nlp(doubt))
    assert questioned.source_text == "The chancellor"
    assert questioned.content == "whether the mission would ever be approved"


def test_the_quote_opening_the_next_sentence_continues_the_speaker(nlp: Language) -> None:
    # The speaker's own second cue ("adding") comes in between: it is still her quote.
    text = (
        "“The border is calm tonight,” Colonel Irena Bach said, adding that the shelling had "
        "stopped. “We expect it to stay that way.”\n\n"
        "The ministry published the figures later."
    )
    statements = find_attributions(nlp(text))
    (said,) = [s for s in statements if s.cue == "said"]
    assert said.source_text == "Colonel Irena Bach"
    assert "The border is calm tonight" in said.content
    assert "We expect it to stay that way" in said.content
    assert all(s.cue for s in statements)


def test_a_quote_after_someone_else_speaks_is_not_a_continuation(nlp: Language) -> None:
    text = (
        "“The border is calm tonight,” said Colonel Irena Bach. The mayor of Kupiansk said "
        "shelling had resumed at dawn. “We expect it to stay that way.”"
    )
    bach = [s for s in find_attributions(nlp(text)) if s.source_text == "Colonel Irena Bach"]
    assert [s.content for s in bach] == ["The border is calm tonight"]


def test_a_quote_inside_a_sentence_is_not_a_continuation(nlp: Language) -> None:
    text = (
        "“Are you winning?” she asked, as the candidate went on about “a rigged system,” "
        "and the crowd cheered."
    )
    asked = [s for s in find_attributions(nlp(text)) if s.cue == "asked"]
    assert [s.content for s in asked] == ["Are you winning?"]


def test_a_conjunct_hung_on_the_cue_goes_on_with_the_content(nlp: Language) -> None:
    # The parser hangs "would not negotiate" and "would not appear" on "insisted"; they share
    # the content's subject, not the speaker's verb form.
    envoy = (
        "The envoy's spokesman insisted that she was willing to meet the rebels in private, "
        "but would not negotiate in front of cameras."
    )
    (statement,) = find_attributions(nlp(envoy), conventions="polnear")
    assert statement.content == (
        "that she was willing to meet the rebels in private, but would not negotiate in front "
        "of cameras"
    )
    senator = (
        "A spokesman for the senator, Paul Ortega, insisted that she was ready to answer "
        "questions in writing, but would not appear before the committee."
    )
    (statement,) = find_attributions(nlp(senator))
    assert statement.content == (
        "she was ready to answer questions in writing, but would not appear before the committee"
    )


def test_the_speakers_own_next_clause_is_not_content(nlp: Language) -> None:
    text = "The envoy said that the talks were over, and then he walked out of the room."
    (said,) = find_attributions(nlp(text), conventions="polnear")
    assert said.content == "that the talks were over"


def _one_piece_content(nlp: Language, text: str, cue: str) -> str:
    """The content of the one statement with ``cue`` (PolNeAR conventions, unscored), which
    must be in one piece."""
    statements = find_attributions(nlp(text), conventions="polnear", scored=False)
    (statement,) = [s for s in statements if s.cue == cue]
    assert statement.content_pieces == ()
    return statement.content


@pytest.mark.parametrize(
    ("text", "quote", "cue"),
    [
        (
            '"It surprised everyone how fast the council voted," Ms. Ferreira recalled of '
            "the meeting.",
            "It surprised everyone how fast the council voted",
            "recalled",
        ),
        (
            '"You should step down today," the senator told the chairman, after he admitted '
            "under her questioning he had not been held to account.",
            "You should step down today",
            "told",
        ),
        (
            '"This is the worst budget in a decade," Ms. Ruiz wrote about the plan.',
            "This is the worst budget in a decade",
            "wrote",
        ),
    ],
)
def test_a_quote_before_its_cue_is_the_whole_content(
    nlp: Language, text: str, quote: str, cue: str
) -> None:
    # What follows the cue unquoted says what it was said about, or when: PolNeAR leaves it
    # out of the content.
    assert _one_piece_content(nlp, text, cue) == quote


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Writing for a panel that all agreed the governor won the debate, the columnist "
            "noted that the way she spoke was critical to her success.",
            "noted",
            "that the way she spoke was critical to her success",
        ),
        (
            "Arguing the audit is meant to pressure the board, the mayor told reporters that "
            '"they went after the clerk because they wanted a scapegoat."',
            "told",
            'that "they went after the clerk because they wanted a scapegoat."',
        ),
        # A clause before the source with nothing reported after the cue stays the content.
        ("The plan will fail, the mayor said on Friday.", "said", "The plan will fail"),
    ],
)
def test_a_fronted_participle_is_no_piece_of_the_content(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    # The parser hangs the fronted clause on the cue; PolNeAR's content is what follows it.
    assert _one_piece_content(nlp, text, cue) == content


def test_a_quote_after_the_cues_colon_is_the_whole_content(nlp: Language) -> None:
    # The parser hangs the clause before the source on the cue too; PolNeAR's content is the
    # quote the colon opens.
    text = (
        "The council will probably vote on the plan next week, Ms. Osei said: "
        '"I think they have the numbers."'
    )
    assert _one_piece_content(nlp, text, "said") == "I think they have the numbers."


def test_polnear_joins_the_quote_opening_the_next_paragraph(nlp: Language) -> None:
    # PolNeAR's annotators make a speaker's next-paragraph quote, which has no cue of its own,
    # part of the same content; the factbox keeps it a statement of its own (test above).
    text = (
        "“The harbour will reopen on Monday,” the port director said.\n\n"
        "“The cranes were never damaged, and the crews are ready.”\n\n"
        "The ferries stayed in Tallinn overnight."
    )
    (said,) = [
        s for s in find_attributions(nlp(text), conventions="polnear", scored=False) if s.cue
    ]
    assert "The harbour will reopen on Monday" in said.content
    assert "the crews are ready" in said.content
    assert len(said.content_pieces) == 2


def test_polnear_leaves_a_next_paragraph_quote_with_its_own_cue(nlp: Language) -> None:
    text = (
        "“The harbour will reopen on Monday,” the port director said.\n\n"
        "“The cranes were never damaged,” the union leader added."
    )
    statements = find_attributions(nlp(text), conventions="polnear", scored=False)
    said = next(s for s in statements if s.cue == "said")
    assert "cranes" not in said.content
    added = next(s for s in statements if s.cue == "added")
    assert added.content.startswith("The cranes were never damaged")


def test_polnear_joins_the_next_quote_to_a_mixed_content_before_its_cue(nlp: Language) -> None:
    text = (
        "The harbour needs cranes “that can lift the new container ships,” the port director "
        "said. “We ordered four of them last week.”"
    )
    (said,) = [
        s for s in find_attributions(nlp(text), conventions="polnear", scored=False) if s.cue
    ]
    assert said.content.startswith("The harbour needs cranes")
    assert "We ordered four of them last week" in said.content
    # The factbox's own convention leaves a mixed content as it is.
    (said,) = [s for s in find_attributions(nlp(text), scored=False) if s.cue == "said"]
    assert "ordered" not in said.content


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Ruritania was outraged by the minister's remarks, warning that a deployment"
            " would lead to war.",
            "Ruritania",
        ),
        (
            "The ministry was angered by the report, saying that the figures were wrong.",
            "The ministry",
        ),
    ],
)
def test_a_participle_on_a_passive_clause_is_its_subjects(
    nlp: Language, text: str, source: str
) -> None:
    # the passive's subject warns, not the agent it reacted to
    statement = only(attributions(nlp, text))
    assert statement.source_text == source
