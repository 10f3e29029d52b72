"""A bare address followed by Chinese full-width punctuation ends where the punctuation begins:
the rest of the sentence (and its bold date) was taken into the link, with a wrong target."""
from circular_studio.core.compose.markdown import parse_markdown


def _spans(text):
    return [(s.text, s.link, s.bold) for s in parse_markdown(text, "zh").blocks[0].spans]


def test_the_sentence_after_a_chinese_full_stop_is_not_part_of_the_link():
    spans = _spans("请访问 https://www.itu.int/wtpf/contributions。请注意，截止日期为**2027年3月1日**。")
    assert ("https://www.itu.int/wtpf/contributions", "https://www.itu.int/wtpf/contributions", False) in spans
    assert ("2027年3月1日", None, True) in spans
    assert not any(link and "%E3" in link for _t, link, _b in spans)


def test_www_address_before_a_full_width_comma():
    spans = _spans("详见 www.itu.int/itu-wsis/fund，谢谢。")
    assert spans[1] == ("www.itu.int/itu-wsis/fund", "http://www.itu.int/itu-wsis/fund", False)
    assert spans[2][0].startswith("，")


def test_links_written_as_markdown_are_left_alone():
    assert _spans("请通过[网站](https://www.itu.int/x)。")[1] == ("网站", "https://www.itu.int/x", False)


def test_an_address_right_after_a_full_width_colon_is_a_mail_link():
    """The Chinese header "电子邮件：wsis-info@itu.int" had no mailto link (en and ar had one)."""
    spans = _spans("电子邮件：wsis-info@itu.int")
    assert spans[-1] == ("wsis-info@itu.int", "mailto:wsis-info@itu.int", False)
