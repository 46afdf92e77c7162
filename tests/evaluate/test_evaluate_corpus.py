from pathlib import Path

import pytest
from brat_fixtures import AnnBuilder, at, write_split

from factbox.evaluate.corpus import load_corpus
from factbox.records import InputError

ALPHA = (
    "The governor said the roads would be cleared by Friday. "
    "Her deputy added that schools would stay closed."
)
BETA = "Farmers say the new tariff will ruin them."


def alpha_ann(with_deputy: bool) -> str:
    builder = AnnBuilder(ALPHA)
    builder.relation(
        at(ALPHA, "said"),
        [at(ALPHA, "the roads would be cleared by Friday")],
        at(ALPHA, "The governor"),
    )
    if with_deputy:
        builder.relation(
            at(ALPHA, "added"),
            [at(ALPHA, "that schools would stay closed")],
            at(ALPHA, "Her deputy"),
        )
    return builder.render()


def beta_ann() -> str:
    builder = AnnBuilder(BETA)
    builder.relation(
        at(BETA, "say"), [at(BETA, "the new tariff will ruin them")], at(BETA, "Farmers")
    )
    return builder.render()


@pytest.fixture
def split(tmp_path: Path) -> Path:
    return write_split(
        tmp_path / "corpus" / "dev",
        texts={"alpha_story": ALPHA, "beta_story": BETA, "gamma_story": "No one spoke."},
        annotations={
            # The later annotator is written first, so file order cannot pick the right one.
            "alpha_story_b2.ann": alpha_ann(with_deputy=False),
            "alpha_story_a1.ann": alpha_ann(with_deputy=True),
            "beta_story_c3.ann": beta_ann(),
        },
        metadata={"alpha_story": "daily-planet", "beta_story": "farm-gazette"},
    )


def test_the_alphabetically_first_annotator_is_used(split: Path) -> None:
    corpus = load_corpus(split)
    alpha = corpus.articles[0]
    assert alpha.name == "alpha_story"
    assert alpha.annotation.annotator == "a1"
    assert alpha.annotators == ("a1", "b2")
    assert len(alpha.relations) == 2
    assert corpus.several_annotations == 1


def test_publishers_come_from_metadata_and_unannotated_articles_are_listed(split: Path) -> None:
    corpus = load_corpus(split)
    assert [a.publisher for a in corpus.articles] == ["daily-planet", "farm-gazette"]
    assert corpus.unannotated == ["gamma_story"]


def test_limit_takes_the_first_articles_by_name(split: Path) -> None:
    corpus = load_corpus(split, limit=1)
    assert [a.name for a in corpus.articles] == ["alpha_story"]


def test_offsets_count_characters_of_the_text_as_stored(tmp_path: Path) -> None:
    text = "Line one.\r\nThe chief said “no”."
    builder = AnnBuilder(text)
    builder.relation(at(text, "said"), [at(text, "“no”")], at(text, "The chief"))
    split = tmp_path / "crlf"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "crlf_story.txt").write_bytes(text.encode("utf-8"))
    (split / "attributions" / "crlf_story_x.ann").write_text(builder.render(), encoding="utf-8")
    article = load_corpus(split).articles[0]
    assert article.text == text
    source = article.relations[0].source
    assert source is not None
    assert article.text[source[0][0] : source[0][1]] == "The chief"


def test_a_folder_without_the_layout_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_corpus(tmp_path)
    assert "text/" in caught.value.reason
