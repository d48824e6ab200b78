"""Pairing quotation marks, balanced or not."""

from tracker.extraction.quotes import QuoteIndex, find_quotes


def inner(text):
    return [
        (text[q.inner_start : q.inner_end], q.balanced) for q in find_quotes(text, 0, len(text))
    ]


def test_straight_and_curly_pairs():
    assert inner('He said "yes," and then “no.”') == [("yes", True), ("no", True)]


def test_scare_quotes_inside_a_sentence():
    text = 'called the attack a "massacre" and an act of aggression by the "illegal coalition".'
    assert inner(text) == [("massacre", True), ("illegal coalition", True)]


def test_a_quote_spanning_sentences():
    assert inner('"We will respond. Our patience has limits," he said.') == [
        ("We will respond. Our patience has limits", True)
    ]


def test_an_unclosed_quote_runs_to_the_end_of_the_paragraph():
    assert inner('One of them said: "We heard explosions all night.') == [
        ("We heard explosions all night", False)
    ]


def test_a_second_opening_mark_closes_the_first_unbalanced_one():
    assert inner('killing "several terrorists. Then “a new quote”') == [
        ("several terrorists. Then", False),
        ("a new quote", True),
    ]


def test_a_stray_closing_mark_is_ignored():
    assert inner("no opening here” but “here”") == [("here", True)]


def test_apostrophes_are_not_quotes():
    assert inner("Syria’s army and the group's leader") == []


def test_many_stray_marks_are_fine():
    text = '"' * 10001
    quotes = find_quotes(text, 0, len(text))
    index = QuoteIndex(quotes)
    assert index.containing(5000) is None or index.containing(5000).contains(5000)


def test_index_lookups():
    text = 'a "bc" d "ef" g'
    index = QuoteIndex(find_quotes(text, 0, len(text)))
    assert index.containing(3).start == 2
    assert index.containing(7) is None
    assert index.starting_at(9).inner_start == 10
    assert index.last_ending_between(0, 14).start == 9
    assert index.last_ending_between(0, 8).start == 2
    assert index.open_at(3).start == 2
