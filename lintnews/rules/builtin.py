"""The built-in Python rules, one module per rule; importing this module registers them."""

from lintnews.rules import (  # noqa: F401
    document_mt_score,
    garble_broken_number,
    garble_capitalised_function_word,
    garble_lowercase_after_break,
    garble_repeated_list_item,
    garble_repeated_phrase,
    garble_repeated_word,
    garble_split_name,
    name_stray_token,
    name_variant,
    phrase_anomaly,
    proper_noun_lowercase,
    punctuation_doubled,
    punctuation_space,
    quotes_unbalanced,
    spelling,
    spelling_rejected,
    titles,
    titles_known,
    untranslated_word,
    unused_suppression,
    web_run_together_tags,
    web_tweet_counter,
)
from lintnews.rules.languagetool import rule as languagetool  # noqa: F401  (a package: the backend beside its rule)
