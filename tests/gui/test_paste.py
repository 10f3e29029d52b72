"""Clipboard HTML from LibreOffice, web pages and Word as the body's Markdown (no Qt needed)."""
from circular_studio.gui.paste import html_to_markdown, plain_to_markdown


def test_libreoffice_html():
    html = ('<html><body><p>Nous vous <b>invitons</b> à la <i>réunion</i> (voir <a href="https://itu.int/x">'
            'le site</a>).</p><ul><li><p>premier point</p></li><li><p>second <strong>point</strong></p></li></ul>'
            '<ol><li>un</li><li>deux</li></ol><p>Fin.</p></body></html>')
    assert html_to_markdown(html) == (
        "Nous vous **invitons** à la *réunion* (voir [le site](https://itu.int/x)).\n\n"
        "- premier point\n- second **point**\n\n1. un\n2. deux\n\nFin.")


def test_word_numbered_list_and_styled_spans():
    html = ("<!--StartFragment--><p class=MsoListParagraph style='mso-list:l1 level1 lfo2'>"
            "<span style='mso-list:Ignore'>1.<span>&nbsp; </span></span>numéro un</p>"
            "<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2."
            "<span>&nbsp; </span></span><span style='font-weight:700'>numéro</span> deux</p><!--EndFragment-->")
    assert html_to_markdown(html) == "1. numéro un\n2. **numéro** deux"


def test_fragments_line_breaks_and_anchors():
    assert html_to_markdown('hello <b>world</b>') == "hello **world**"
    assert html_to_markdown('<span style="font-style:italic">a</span> b<br>c') == "*a* b  \nc"
    assert html_to_markdown('<a href="#top">haut</a> de page') == "haut de page"
    assert html_to_markdown("") == ""


def test_plain_text_bullets():
    assert plain_to_markdown("• premier point\n• second point") == "- premier point\n- second point"
    assert plain_to_markdown("no bullets here") == "no bullets here"
