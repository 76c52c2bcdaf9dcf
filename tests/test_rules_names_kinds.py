"""N101, N102 and N103 on the kinds of miss of issue 15's fourth round: person evidence
from a speech verb at a sentence end or before the speaker, a g/h swap inside a name,
caption brackets of any shape inside a name, and names in lower case read by their own
cues.  Each kind is tested both ways."""

import pytest
from rulecase import flagged

from lintnews.analyses.names.keys import second_skeleton, skeleton
from lintnews.analyses.names.mentions import extract
from lintnews.core.document import make_document


def _evidence(text: str, word: str) -> frozenset[str]:
    [m] = [m for m in extract(make_document("doc.txt", text)).mentions if word in m.words]
    return m.evidence


# -- person evidence -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, word",
    [
        ("“It is a hole without a bottom,” Genth said.", "Genth"),  # the sentence's last word
        ("“Velvet needs evening light,” explains Vakhoshkin.", "Vakhoshkin"),  # the speaker after the quote
        ("It will rain, said Hassankhail.", "Hassankhail"),
        ("Vakhoshkin warns that velvet is hard to wear.", "Vakhoshkin"),  # a present tense
    ],
)
def test_a_speech_verb_at_a_sentence_end_or_before_the_speaker_is_person_evidence(text, word):
    assert "speech" in _evidence(text, word)


@pytest.mark.parametrize(
    "text, word",
    [
        ("The minister told Reuters that it was over.", "Reuters"),  # an outlet after "told"
        ("The delegation visited Kharkiv on Monday.", "Kharkiv"),
        ("He said.\nHassankhail left.", "Hassankhail"),  # not across a line break
    ],
)
def test_a_verb_before_an_outlet_or_a_place_or_across_a_line_is_no_evidence(text, word):
    assert "speech" not in _evidence(text, word)


# -- N101: a g/h swap inside a name --------------------------------------------------------


def test_a_g_h_swap_after_the_first_letter_shares_a_block():
    for a, b in [("Jogn", "John"), ("Oleg", "Oleh"), ("Zhou", "Jou"), ("Hsi", "Xi")]:
        assert {skeleton(a), second_skeleton(a)} & {skeleton(b), second_skeleton(b)}, (a, b)
    # a first g or h is left to the first-letter pairs: these are two names
    assert not {skeleton("Geddes"), second_skeleton("Geddes")} & {skeleton("Hedges"), second_skeleton("Hedges")}


def test_a_g_h_swap_inside_a_name_in_one_article_is_reported():
    text = "The actor Jogn Goodman lost weight.\nJohn Goodman said so. John liked to joke.\n"
    assert flagged(text, "N101") == ["Jogn Goodman"]


def test_two_surnames_a_g_and_an_h_apart_at_their_start_are_two_people():
    texts = {
        "a.txt": "Professor David Geddes said the trial worked. Geddes said more.\n",
        "b.txt": "David Hedges, a farmer, said rain was needed. Hedges said so.\n",
    }
    assert flagged(texts, "N101") == []


# -- N102: caption brackets of any shape ---------------------------------------------------


@pytest.mark.parametrize(
    "text, stray",
    [
        ("Pavel (C) Nedved's relationship made news. Pavel Nedved said nothing.", "Pavel (C) Nedved"),
        ("Olaf (Photo) Scholz arrived. Later Olaf Scholz spoke.", "Olaf (Photo) Scholz"),
        ("Olaf (photo: AFP) Scholz arrived. Later Olaf Scholz spoke.", "Olaf (photo: AFP) Scholz"),
        ("Olaf (2nd left) Scholz arrived in Warsaw.", "Olaf (2nd left) Scholz"),
        ("Olaf (Reuters) Scholz arrived in Warsaw.", "Olaf (Reuters) Scholz"),
        ("The red card went to defender Mia also Zschocke.", "Mia also Zschocke"),
        ("Virologist Sergei however Netesov disagreed. Sergei Netesov said so.", "Sergei however Netesov"),
    ],
)
def test_a_caption_bracket_of_any_shape_or_a_word_inside_a_full_name(text, stray):
    assert flagged(text, "N102") == [stray]


@pytest.mark.parametrize(
    "text",
    [
        "Senate leader Charles (Chuck) Schumer spoke. Charles Schumer left.",  # a nickname
        "Mary (née Smith) Jones spoke. Mary Jones left.",  # a birth name
        "Ludwig (1770) Beethoven is a made-up line. Ludwig Beethoven composed.",  # a year
    ],
)
def test_a_nickname_a_birth_name_or_a_year_in_brackets_is_left_alone(text):
    assert flagged(text, "N102") == []


# -- N103: a name in lower case, read by its own cues --------------------------------------


@pytest.mark.parametrize(
    "texts, expected",
    [
        # after a given name, the surname written capitalised once elsewhere
        ({"a.txt": "The best scorer was defender Alina grijseels.\n", "b.txt": "The first goal came as Grijseels shot.\n"}, ["grijseels"]),
        # after a given name, the surname capitalised only at a sentence start
        ("This was said by immunologist Nikolay kryuchkov today.\nKryuchkov also noted more.\n", ["kryuchkov"]),
        # after the word that stands before it in a name of the article
        ("According to Xiu Lipeng, an expert, it will be bright.\nXiu lipeng reminded us.\n", ["lipeng"]),
        # beside a speech verb, the name written as a speaker elsewhere
        ("“No money is left,” admits Liban.\n“I had a vision,” admits liban, who spent hours.\n", ["liban"]),
        # after a preposition of place, the place written capitalised mid-sentence elsewhere
        ({"a.txt": "The shelling of Zvolinka went on.\n", "b.txt": "Residents in zvolinka fled.\n"}, ["zvolinka"]),
        # a month after an opening bracket
        ("The ministry spoke on Saturday (december 11) about it.\n", ["december"]),
        # a name the dictionary lists in lower case, after a title here
        ("President Biden spoke. President Biden left.\nThe summit was what biden wanted.\n", ["biden"]),
    ],
)
def test_a_name_in_lower_case_read_by_its_own_cues(texts, expected):
    assert flagged(texts, "N103") == expected


@pytest.mark.parametrize(
    "texts",
    [
        # a noun for people beside a speech verb, whatever organisation bears the word
        {"a.txt": "Citrus Growers said prices fell. Citrus Growers said more.\n", "b.txt": "The growers said it was over.\n"},
        # an organisation's word after the place that opens its name
        {"a.txt": "Southern Riverina Irrigators met. Southern Riverina Irrigators left.\n", "b.txt": "The move by Riverina irrigators came late.\n"},
        # a word of the dictionary after a given name that is also a place or a word
        {"a.txt": "Boats moored off Darwin Harbour left. Darwin Harbour was calm.\n", "b.txt": "The boats moored in the harbour.\n"},
        {"a.txt": "Bacchus Marsh Irrigators met today.\n", "b.txt": "Bacchus Marsh irrigators were offered water.\n"},
        # after a preposition, a word the corpus writes capitalised only at sentence starts
        {"a.txt": "Zvolinka was shelled.\n", "b.txt": "Residents in zvolinka fled.\n"},
        # a dictionary word never after a title: no surname
        {"a.txt": "Lewis Hamilton won. Hamilton left.\n", "b.txt": "The hamilton family farm was sold.\n"},
    ],
)
def test_ordinary_words_beside_speech_verbs_names_and_places_are_left_alone(texts):
    assert flagged(texts, "N103") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Polish minister spoke. Under him the polish judiciary changed.", ["polish"]),
        ("Exports to China fell. Imports from china rose.", ["china"]),
        ("Toray (japan) supplies carbon fibre.", ["japan"]),
        # a verb, a thing's name, or an article that never writes the word capitalised
        ("The Polish minister spoke. They had to polish the image.", []),
        ("The Polish minister spoke. The shoes need polish.", []),
        ("The French president spoke. The french fries were cold.", []),
        ("Exports to China fell. The fine china broke.", []),
        ("Under him the polish judiciary changed.", []),
    ],
)
def test_a_nationality_or_country_that_is_also_an_english_word(text, expected):
    assert flagged(text, "N103") == expected
