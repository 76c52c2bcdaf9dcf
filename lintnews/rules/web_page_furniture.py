"""W105 page-furniture: captions, credits, copyright notices and interface text that a
scraper kept, recognised by their shape rather than by a list of exact lines."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from lintnews.core.data import builtin_yaml
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register

# A caption's or credit's label and a short value: "Photo: ČTK", "(Photo: EPA-EFE)",
# "Image caption: Volodymyr Zelenskyy", "Source: Getty Images".
_LABELLED = re.compile(
    r"\(?(?:Photo|Photos|Image|Picture|Pictures|Caption|Image caption|Photo caption|Photo credit|Image credit"
    r"|Credit|Credits|Source|Text|Foto|Video|Illustration|Graphic|Graphics|Cover photo)"
    r" ?[:|/] ?[^\s:()a-z][^:()\n]{0,58}\)?[ \t]*$"
)
# The same label glued to the start of a paragraph: "Photo: ČTK The minister said ...".
# The value's end is not known; the label and its first word are reported.
_LABEL_GLUED = re.compile(
    r"\(?(?:Photo|Photos|Image|Picture|Caption|Image caption|Photo caption|Photo credit|Image credit|Credit|Foto)"
    r" ?: ?\S+"
)
# Copyright and syndication notices.
_NOTICE = re.compile(r"(?:©|\(c\) |Copyright (?:©|\(c\)|\d{4}|by\b))|.*\b(?:All rights reserved|may not be (?:published|reproduced|redistributed))")
#: A copyright notice has at most this many words.
MAX_NOTICE_WORDS = 16
# Interface text: an instruction to click, share, subscribe or scroll, or a notice of
# the page itself.  The first word is an imperative or a notice; one of the others names
# a part of the page or of a service.
_INTERFACE_START = re.compile(
    r"(?:Click|Tap|Share|Subscribe|Sign up|Sign in|Log in|Log out|Login|Register|Follow us|Follow|Scroll|Skip|Download"
    r"|Get the latest|Get our|Pin it|Tweet|Email|E-mail|Print|Read more|Read next|Read also|Watch|Listen"
    r"|Comments are|Trending|Most read|Most popular|Most viewed|Advertisement|Continue reading|Sponsored|Newsletter"
    r"|Bookmark|Don[’']t miss|Never miss|Be the first|Already a|Already have|Create an account|Forgot|Reply|Comments)\b"
)
# Imperatives that also start sentences ("Get well", "Read the report"): interface text
# only when a part of the page or of a service is named after them.
_WEAK_START = re.compile(
    r"(?:Get|Read|See|View|Join|Leave|Add|Post|Reply|Submit|Enter|Load|Show|Hide|Jump|Go to|Back to|Explore"
    r"|Discover|Stay|Support|Donate|Install|Open|Visit|Check out|Find out|Learn more|Sort|Accept|Manage|Report"
    r"|Tell us|Contact us|Like us|Thanks for|Thank you for|You may also|You might also|You must|Copy|Save|Send"
    r"|Sign|Never|Don[’']t|Receive|Become|Write|Register|Want|Comment|Have your say)\b"
)
_INTERFACE_WORDS = re.compile(
    r"\b(?:newsletter|inbox|window|app|comment|comments|account|notifications|cookies|button|link|page|site"
    r"|content|access|updates|alerts|feed|e-?mail|podcast|channel|story|article|Telegram|WhatsApp|Facebook"
    r"|Twitter|Instagram|YouTube|LinkedIn|Pinterest|closed|here|video|live|now|today|free|digest|briefing|alerts"
    r"|members?|membership|subscribers?|journalism|headlines)\b",
    re.IGNORECASE,
)
# What a weak imperative must name to be interface text: the page, a service, the
# reader's subscription or the site's voice ("us", "our").
_SERVICE_WORDS = re.compile(
    r"\b(?:newsletters?|inbox|window|apps?|comments?|account|notifications?|cookies|button|links?|page|website|site"
    r"|e-?mail|e-?mails|podcasts?|channel|articles?|stories|story|Telegram|WhatsApp|Facebook|Twitter|Instagram|YouTube"
    r"|LinkedIn|Pinterest|Reddit|TikTok|Viber|Google News|RSS|us|our|subscribers?|subscription|subscribing|subscribe"
    r"|signing up|sign up|password|logged in|reply|replies|discussion|conversation|privacy policy|gallery|photos|videos?"
    r"|favou?rites|clipboard|bookmarks?|mailing list|notified|below|above|related|full coverage|members?|membership"
    r"|subscribers?|journalism|briefing|digest|alerts|inbox|continue reading|miss out|reading list|read later"
    r"|for later)\b",
    re.IGNORECASE,
)
# A line made of interface tokens only: "Share 0 Tweet 0", "Facebook Twitter Email",
# "Share | Print | Comments (3)".
_INTERFACE_TOKEN = re.compile(
    r"(?:Share|Shares|Shared|Tweet|Tweets|Email|E-mail|Print|Copy|Link|Copied|Save|Saved|Like|Likes|Comment|Comments"
    r"|Reply|Follow|Facebook|Twitter|X|WhatsApp|LinkedIn|Pinterest|Reddit|Telegram|Viber|VK|TikTok|Instagram|YouTube"
    r"|Messenger|SMS|Flipboard|Tumblr|Pocket|Mail|More|Menu|Search|Home|Close|Open|Next|Previous|Prev|Back|Top"
    r"|link copied|this|on|via|by|to|the|it|\d+[KkMm]?|[|•·/:+&–—-])[,.!:]?",
    re.IGNORECASE,
)
_PUNCT_TOKENS = re.compile(r"\(?(\S+?)\)?")
# Section headers of a page: "More on this story", "Related stories", "Top stories",
# "Editor's picks", "Recommended for you", "12 comments", "Comments (3)".
_SECTION_HEADER = re.compile(
    r"(?:(?:More|Most|Top|Latest|Related|Recommended|Popular|Featured|Trending|Similar|Recent|Other|Further)"
    r"(?: \w+){0,3}? (?:stories|articles|news|posts|videos|reads?|headlines|links|topics|coverage|reading|content)"
    r"|Related(?: content| coverage| topics| links| stories| articles)?|Recommended(?: for you)?|Editor[’']s picks?"
    r"|(?:Most|Top) (?:read|viewed|popular|shared|commented|watched|recent)(?: (?:this|today|now|in|on|of|the|week"
    r"|month|day|year|stories|articles|news|\w+day))*"
    r"|(?:More|Read more|Read also|See also|Also read|Related|Watch|WATCH|READ MORE|MORE|RELATED|Listen"
    r"|LISTEN|ALSO READ|SEE ALSO)\s*:.*"
    r"|More (?:on|from|about) (?:this|the|our) \w+(?: \w+)?|More from \S+(?: \S+)?|Up next|What to read next"
    r"|Story continues(?: below)?(?: advertisement)?|Advertisement|ADVERTISEMENT|Sponsored(?: content| by .*)?"
    r"|\d+ (?:comments?|shares|replies|responses)|(?:Comments?|Replies|Shares) \(\d+\)|No comments(?: yet)?"
    r"|Loading(?: comments)?(?:\.\.\.|…)?|Please wait(?:\.\.\.|…)?|Back to top|Show (?:more|less|comments)"
    r"|Load more(?: \w+)?|Click (?:here|to) .*|Tap (?:here|to) .*|Also on \S+(?: \S+)?)[.!]?",
)
# Comment and sign-up forms: "Your email address will not be published.",
# "Required fields are marked *", "By signing up, you agree to our Privacy Policy".
_FORM = re.compile(
    r".*\b(?:email address will not be published|fields are marked|required fields|you agree to (?:our|the)"
    r"|privacy policy|terms (?:of|and) (?:use|service|conditions)|by (?:signing up|subscribing|clicking|registering)"
    r"|successfully (?:subscribed|signed up|registered)|thank(?:s| you) for (?:subscribing|signing up|registering|reading)"
    r"|(?:enable|disable) (?:javascript|your ad ?blocker)|ad ?blocker|unsubscribe at any time|invalid email"
    r"|logged in to (?:post|comment|leave|reply)|to (?:post|leave|add) a comment|join the (?:discussion|conversation)"
    r"|comments? (?:are|is) (?:closed|moderated|disabled)|share (?:this|the) (?:article|story|page|post)"
    r"|opens in (?:a )?new (?:window|tab)|delivered (?:straight |directly )?to your inbox|enter your e-?mail"
    r"|comments? (?:have|has) been (?:closed|disabled|turned off)|commenting (?:is|has been) (?:closed|disabled)"
    r"|no comments yet|(?<=^)(?:have your say|sort by|your comment|write a comment|comment on this (?:story|article|post))"
    r"|contributed (?:to )?(?:this |the )?(?:report|reporting|story|article)|notify me|(?:in|into|to) your inbox"
    r"|(?<=\()(?:required|optional)(?=\))|(?<=^)(?!.*[.!?]$)(?:.* )?newsletters?)\b.*",
    re.IGNORECASE,
)
# Credits by their label: "Photo by Jane Doe", "Photograph: Jane Doe/Reuters",
# "Reporting by ...", "Image copyright AFP", "Photo courtesy of ...".
# A label that is also an ordinary word or a name's first word ("Credit Suisse did not
# comment", "Source code") counts only with its mark: "Credit: ...", "Source | ...".
_CREDIT_LABEL = re.compile(
    r"\(?(?:(?:(?:Photo|Photos|Photograph|Photography|Picture|Pictures|Image|Images|Video|Footage|Illustration|Graphic"
    r"|Cover|Main|Top|Header|Lead|File|Feature) ?(?:image|photo|picture)? ?(?:by|credit|credits|courtesy(?: of)?"
    r"|copyright|source|via)|(?:Reporting|Editing|Additional reporting|Writing|Compiled|Translated|Written|Edited"
    r"|Text|Produced|Filed|Report) by|Pictured|Image copyright|Photo illustration|File photo"
    r"|FILE PHOTO|Courtesy(?: of)?)\b ?[:|/-]? ?|(?:Photograph|FILE|Credit|Source)\b ?[:|/-] ?)[^\sa-z:|/-].{0,80}"
)
# A credit by a medium's name and a label: "Photographer: Jane Doe/Bloomberg", "Photo
# courtesy of the council", "Handout photo provided by the army", "All photos by Jane Doe",
# "Screenshot: Twitter", "Copyright: Jane Doe", "Source: ministry of health".
_MEDIA_CREDIT = re.compile(
    r"\(?(?:All |Main |Top |Cover |File |Handout )?(?:photos?|photographs?|photographer|pictures?|images?|videos?"
    r"|footage|screenshots?|stills?|graphics?|maps?|illustrations?|charts?|infographics?|drawings?|cartoons?"
    r"|handout|copyright|sources?)(?: (?:photos?|images?|footage|pictures?))?"
    r"(?: ?:| by| courtesy(?: of)?| provided by| supplied by| credit:?)(?= )[^.!?]{2,80}[.)]?",
    re.IGNORECASE,
)
# A verb that makes a clause of a line: a credit has none ("Footage by a resident was
# shared", "Source: the ministry said nothing").
_CLAUSE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do|said|says|say|told"
    r"|show|shows|showed|shown|reported|according)\b"
)
#: A credit by its label has at most this many words.
MAX_MEDIA_CREDIT_WORDS = 12
# A photo agency credit as a whole segment: "Reuters/Jane Doe", "AFP/Getty Images",
# "(AP Photo/John Doe)", "EPA-EFE/Jane Doe", "Jane Doe/Anadolu Agency via Getty Images".
_AGENCIES = (
    r"Reuters|REUTERS|AFP|AP|AP Photo|Associated Press|Getty Images|Getty|EPA|EFE|EPA-EFE|Xinhua|TASS|RIA Novosti"
    r"|Sputnik|ČTK|CTK|PAP|dpa|DPA|ANSA|Kyodo|Kyodo News|Yonhap|AAP|PA|PA Media|PA Wire|Shutterstock|iStock|Alamy"
    r"|Bloomberg|NurPhoto|SOPA Images|Anadolu|Anadolu Agency|Interfax|UNIAN|Ukrinform|Jiji|Jiji Press|NHK|IRNA"
    r"|ANI|PTI|IANS|Bernama|Antara|WENN|Rex|Rex Features|Shutterstock|ZUMA|ZUMA Press|ZUMA Wire|Sipa|SIPA|Abaca"
    r"|Wikimedia Commons|Wikimedia|Unsplash|Pixabay|Pexels|Handout|HANDOUT|Pool|POOL|Keystone|Belga|ANP|Lusa|APA"
    r"|MTI|HINA|BTA|Agerpres|Tanjug|Imago|IMAGO|Corbis|Magnum|Flickr|Press Association|Agence France-Presse"
    r"|China News Service|CNS|Visual China Group|VCG|Imaginechina|CFP|IC Photo|Xinhua News Agency|Kremlin|Kremlin\.ru"
    r"|Reuters Pictures|AP Images|Getty Images News|TT|NTB|Ritzau|Scanpix|Lehtikuva|STA|Beta|BETA|Hina|Fotolia"
)
_AGENCY = re.compile(rf"(?:{_AGENCIES})")
_AGENCY_CREDIT = re.compile(
    rf"[(\[]?(?:(?:©|\(c\)|Copyright) ?(?:\d{{4}} )?|[—–-] ?|(?:By|With|Via|Sources?|Courtesy|Credits?|Main image"
    rf"|Text and photos?|Photos?|Images?)\b:? )?(?:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){{0,3}} ?[/|,] ?)?"
    rf"(?:{_AGENCIES}|agencies|Agencies)(?:,? (?:{_AGENCIES}))*(?: PHOTO| Photo| photo)?"
    rf"(?: ?/ ?[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){{0,3}})?(?: via (?:{_AGENCIES}))?[)\]]?\.?"
)
# A caption's marks: who is where in the picture.
_CAPTION_MARK = re.compile(
    r"\((?:left|right|centre|center|L|R|C|L-R|R-L|front|back|top|bottom|second (?:left|right)|from (?:left|right)"
    r"|pictured|in the photo|in photo|file|file photo|archive|archive photo)\)|^Pictured\b|\b(?:is|are) pictured\b"
    r"|\bin the (?:photo|picture)\b"
    # "X, pictured during ...", in a line with no auxiliary verb (a caption has no clause)
    r"|^(?!.*\b(?:is|are|was|were|has|have|had|will|would|may|might|can|could|should|must|did|does|do)\b).*, pictured\b"
    r"|\bfile (?:photo|image|picture)\b",
    re.IGNORECASE,
)
#: A line with a caption's mark ("(left)", "is pictured") has at most this many words.
MAX_MARKED_WORDS = 16
#: A caption has at most this many words.
MAX_CAPTION_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?[ \t]+")
#: An interface line has at most this many words.
MAX_INTERFACE_WORDS = 10


def _segments(line: str) -> Iterator[tuple[int, str]]:
    """The whole line, and the text after its last sentence end (residue glued on)."""
    yield 0, line
    ends = list(_SENTENCE_END.finditer(line))
    if ends:
        start = ends[-1].end()
        yield start, line[start:]


def _interface(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= MAX_INTERFACE_WORDS:
        return False
    if _INTERFACE_START.match(text) and (len(words) <= 2 or _INTERFACE_WORDS.search(text, len(words[0])) is not None):
        return True
    m = _WEAK_START.match(text)
    # Interface text has no clause after a comma ("Become a member of the EU, he said").
    return m is not None and len(words) >= 2 and "," not in text and _SERVICE_WORDS.search(text, m.end()) is not None


def _interface_tokens(text: str) -> bool:
    """Whether the text is only share buttons, counts and separators (two tokens or more,
    one of them a button's word)."""
    tokens = text.split()
    if len(tokens) < 2 or len(tokens) > 16:
        return False
    bare = [t.strip("()[]") for t in tokens]
    if not all(t and _INTERFACE_TOKEN.fullmatch(t) for t in bare):
        return False
    buttons = [t for t in bare if t.lower().rstrip(",.!:") in _BUTTONS]
    return len(buttons) >= 1 and len(buttons) * 2 >= len([t for t in bare if t.isalpha()])


_BUTTONS = frozenset(
    "share shares tweet tweets email e-mail print copy link save like likes comment comments reply follow facebook"
    " twitter whatsapp linkedin pinterest reddit telegram viber vk tiktok instagram youtube messenger sms flipboard"
    " tumblr pocket".split()
)


def _credit_or_caption(text: str) -> str | None:
    words = text.split()
    if len(words) > MAX_CAPTION_WORDS:
        return None
    if _CREDIT_LABEL.fullmatch(text) and len(words) <= 14:
        return "a caption or credit"
    if len(words) <= MAX_MEDIA_CREDIT_WORDS and _MEDIA_CREDIT.fullmatch(text) and not _CLAUSE.search(text):
        return "a caption or credit"
    if len(words) <= 12 and _AGENCY_CREDIT.fullmatch(text):
        return "a photo or agency credit"
    if _CAPTION_MARK.search(text) and not text.rstrip().endswith(("?", "!", '"', "”")) and len(words) <= MAX_MARKED_WORDS:
        return "a photo caption"
    return None


@functools.lru_cache(maxsize=1)
def _listed_lines() -> re.Pattern[str]:
    """The lines W101 knows by heart (``rules/W101-boilerplate.yaml``: its literal
    ``tokens`` and its ``patterns``), as one pattern."""
    data = builtin_yaml("W101-boilerplate.yaml")
    data = data if isinstance(data, dict) else {}
    alternatives = [re.escape(str(t).strip()) for t in data.get("tokens", [])]
    alternatives += [str(p) for p in data.get("patterns", [])]
    return re.compile("|".join(f"(?:{a})" for a in alternatives) or "(?!)", re.IGNORECASE)


def _listed(line: str) -> bool:
    """Whether the line is one of W101's list (W101 reports it)."""
    return _listed_lines().fullmatch(line.strip()) is not None


@register
class PageFurniture(DocumentRule):
    """Finds captions, credits, copyright notices and interface text left in an article:
    ``Photo: ČTK``, ``(Photo: EPA-EFE)``, ``© 2022 iStock. All rights reserved.``,
    ``Subscribe to our daily newsletter``, ``Click to share on WhatsApp (Opens in new
    window)``, ``Comments are closed.``.

    Why: a scraper that keeps the page around an article brings its captions, credits and
    buttons along; in a corpus or a reprint they read as text.

    Example: a paragraph ending ``... the talks resumed. Photo: EPA-EFE``.

    W101 knows exact furniture lines from a list; this rule knows their shapes: a
    caption's or credit's label with a short value, a copyright notice, or a short line
    (at most ten words) that starts with an instruction or notice of the page ("Click",
    "Share", "Subscribe", "Comments are") and names a part of the page or a service, a
    credit by a medium's name and a label with no verb in it ("Photographer: ...",
    "Photo courtesy of ...", "All photos by ..."), a form's marks ("Name (required)",
    "Notify me ...", "... in your inbox") and a newsletter line with no full stop.
    Each is found on a line of its own, or glued after a line's last sentence.
    """

    code = "W105"
    name = "page-furniture"

    def check(self, doc: Document) -> Iterator[Finding]:
        for line_start, line in doc.lines():
            if not line.strip() or _listed(line):
                # W101 reports a whole line of its list; glued onto a sentence, W105 does.
                continue
            for offset, segment in _segments(line):
                found = self._in_segment(segment)
                if found is not None:
                    start, end, what = found
                    text = segment[start:end].strip()
                    at = line_start + offset + start + (len(segment[start:end]) - len(segment[start:end].lstrip()))
                    yield self.finding(doc, at, at + len(text), f"'{text}' is {what} left by a scraper, not article text")
                    break

    @staticmethod
    def _in_segment(segment: str) -> tuple[int, int, str] | None:
        stripped = segment.strip()
        if not stripped:
            return None
        lead = len(segment) - len(segment.lstrip())
        if _LABELLED.match(stripped):
            return lead, lead + len(stripped), "a caption or credit"
        m = _LABEL_GLUED.match(stripped)
        if m:
            return lead, lead + m.end(), "the start of a caption or credit"
        if _NOTICE.match(stripped) and len(stripped.split()) <= MAX_NOTICE_WORDS:
            return lead, lead + len(stripped), "a copyright notice"
        if _interface(stripped):
            return lead, lead + len(stripped), "interface text of the web page"
        if _SENTENCE_END.search(stripped):
            return None  # more than one sentence: the shapes below are read on the last one
        if _interface_tokens(stripped):
            return lead, lead + len(stripped), "interface text of the web page"
        if len(stripped.split()) <= MAX_INTERFACE_WORDS and (_SECTION_HEADER.fullmatch(stripped) or _FORM.fullmatch(stripped)):
            return lead, lead + len(stripped), "interface text of the web page"
        what = _credit_or_caption(stripped)
        if what is not None:
            return lead, lead + len(stripped), what
        return None
