"""S103 untranslated-word: words of another language left in English sentences."""

import pytest
from rulecase import findings, flagged

ENGLISH = "the officials said on Monday that the new plan would be put to a vote next week"


@pytest.mark.parametrize(
    "sentence, word",
    [
        (f"The ministry však announced that {ENGLISH}.", "však"),
        (f"Jedoch {ENGLISH}.", "Jedoch"),
        (f"Prices rose by 21 procent, and {ENGLISH}.", "procent"),
        (f"About 3 тыс. people left, and {ENGLISH}.", "тыс."),
        (f"Some 300 千 yen was paid, and {ENGLISH}.", "千"),
        (f"In a statement pan Aslin said that {ENGLISH}.", "pan"),
        (f"Speaking in Tokyo, Matsumoto-san said that {ENGLISH}.", "-san"),
        (f"The region's уряд said that {ENGLISH}.", "уряд"),
        (f"The prefecture 県 said that {ENGLISH}.", "県"),
    ],
)
def test_a_word_of_another_language_in_an_english_sentence(sentence, word):
    assert flagged(sentence, "S103") == [word]


def test_a_cyrillic_letter_inside_a_latin_word_is_called_a_look_alike():
    (finding,) = findings(f"According to WНO data, {ENGLISH}.", "S103")
    assert "another script right next to Latin letters" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        f"The foundation Wissenschaft und Politik said that {ENGLISH}.",  # inside a name
        f"The show is called “Wir sind Bayern”, and {ENGLISH}.",
        f"Critics called it a *Zeitgeist* moment, and the word \"und\" is German; {ENGLISH}.",
        f"Peter Pan said that pan Asian unity matters, and {ENGLISH}.",  # an English word follows
        f"The angle α was small, and {ENGLISH}.",  # a Greek letter as a symbol
        "Und so weiter, sagte er, und das war alles, was er dazu sagen wollte.",  # a German line
        f"Xinhua 丨 {ENGLISH}.",  # a headline separator
        f"It weighed 10 mil, and {ENGLISH}.",  # the English unit has no full stop
    ],
)
def test_loanwords_names_quotations_and_foreign_lines_are_left_alone(sentence):
    assert flagged(sentence, "S103") == []
