"""The built-in Python rules, one module per rule; importing this package registers them."""

from lintnews.checks import (  # noqa: F401
    document_mt_score,
    garble_capitalised_function_word,
    garble_lowercase_after_break,
    garble_repeated_list_item,
    garble_repeated_word,
    garble_split_name,
    languagetool,
    name_stray_token,
    name_variant,
    phrase_anomaly,
    punctuation_doubled,
    punctuation_space,
    quotes_unbalanced,
    spelling,
    spelling_rejected,
    titles,
    web_run_together_tags,
    web_tweet_counter,
)
