from bot.services.assessments import split_trailing_cycle


def test_an_assessment_name_gives_its_community_and_cycle() -> None:
    assert split_trailing_cycle("Lisbon 2026") == ("Lisbon", "2026")
    assert split_trailing_cycle("Porto Alegre   2027") == ("Porto Alegre", "2027")
    assert split_trailing_cycle("Lisbon") == ("Lisbon", None)
    assert split_trailing_cycle("Lisbon 26") == ("Lisbon 26", None)
    assert split_trailing_cycle("2026") == ("2026", None)  # a year alone names no community
