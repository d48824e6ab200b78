"""The keys an event's place or name is filed under: whole words, compared as names are."""

from hypothesis import given
from hypothesis import strategies as st

from tracker.matching.places import MAX_WORDS, place_keys
from tracker.name_keys import name_key


def test_every_run_of_words_is_a_key_written_as_the_text_writes_it():
    keys = place_keys(["Shelling of Deir ez-Zor, region"])
    assert {"deir ez-zor", "deir", "ez-zor", "shelling of deir ez-zor", "region"} <= keys
    # Hyphens are kept as written: the names table compares "Deir ez-Zor" so.
    assert "deir ez zor" not in keys


def test_whole_words_only_and_a_possessive_is_the_name():
    keys = place_keys(["Raqqa's market in Tal Zor-31"])
    assert "raqqa" in keys and "raqqa's" in keys
    assert "tal zor-31" in keys and "tal zor-3" not in keys
    assert "aqqa" not in keys


def test_case_and_spaces_fold_as_the_names_table_folds_them():
    assert place_keys(["DEIR  EZ-ZOR"]) == place_keys(["deir ez-zor"])
    assert name_key("Ñandú Town") in place_keys(["Strike on ÑANDÚ TOWN"])


def test_both_texts_are_read_but_never_joined():
    keys = place_keys(["Idlib", "Strike in Deir"])
    assert "idlib" in keys and "deir" in keys
    assert "idlib strike" not in keys


@given(st.lists(st.sampled_from(["Deir", "Zor", "TAL", "Umm", "market", "in", "3"]), max_size=9))
def test_a_name_of_up_to_max_words_found_in_a_text_is_always_a_key(words):
    # Words as the tokenizer counts them: "ez-Zor" is two.
    text = " ".join(words)
    keys = place_keys([text])
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + MAX_WORDS) + 1):
            assert name_key(" ".join(words[start:end])) in keys
