"""Word lists the planted-artifact generator draws from (written for this benchmark).

Every list here is split in two by a stable hash of each item's key (``split_of``):
items whose key hashes even belong to the *dev* split, odd ones to *heldout*.  A
category that uses a list therefore plants different phrases, offices, foreign words
and residue templates in the two splits, so a rule tuned on dev can be checked on
wording it was never shown.

None of these lists is taken from lintnews' own rule data (``rules/*.yaml``): the
spinner swaps were written from thesaurus-style synonyms of each word of a set
phrase (the way a synonym spinner replaces words one by one), the calques from the
literal meaning of common Russian, Ukrainian, Czech, German, Chinese and Japanese
expressions, the offices from how those languages name their offices.  ``plant.py
--inventory`` prints the lists with their split.

Phrase entries use a small notation: ``[x]`` is an optional suffix shared by both
sides ("interest rate[s] => curiosity rate[s]" plants "curiosity rates" for
"interest rates" and "curiosity rate" for "interest rate"); several renderings are
separated by `` | ``.
"""

from __future__ import annotations

import hashlib


def split_of(key: str) -> str:
    """'dev' or 'heldout' for an inventory item, from the SHA-256 of its key."""
    return "dev" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "heldout"


# Inflections and spelling variants of one item share a key, so that they land in the
# same split ('took part in' and 'taking part in', 'Defence'/'Defense').
_NORM_WORDS = {
    "took": "take", "taking": "take", "takes": "take", "taken": "take", "made": "make", "makes": "make",
    "paid": "pay", "came": "come", "comes": "come", "entered": "come", "enter": "come", "raised": "raise",
    "are": "is", "her": "him", "held": "hold", "defense": "defence", "labor": "labour", "news": "press",
}
_NORM_PHRASES = {
    "within the framework of": "as part of", "after all": "in the end", "at the end of the day": "in the end",
    "on the one hand": "on the other hand",
}


def item_key(kind: str, text: str) -> str:
    """The key an inventory item is split by: its kind and its normalised text."""
    t = " ".join(_NORM_WORDS.get(w, w) for w in text.lower().split())
    t = _NORM_PHRASES.get(t, t)
    return f"{kind}:{t}"


# ---------------------------------------------------------------------------
# Phrases: spinner synonym swaps inside set phrases (each content word or one of
# them replaced by a thesaurus synonym that does not fit the fixed expression).
SYNONYM_SWAPS = """
interest rate[s] => curiosity rate[s] | attention rate[s]
press conference => press gathering | media meeting | push conference
news conference => information meeting | news seminar
human rights => human privileges | people legal rights
climate change => environment adjustment | climate alteration
armed forces => equipped forces | armed pressures
social media => social networks media | public media
stock market => inventory market | supply market
law enforcement => regulation enforcement | legislation enforcement
health care => wellness care | health and wellness treatment
supply chain[s] => supply string[s] | provide chain[s]
civil war => civic war | polite war
natural gas => all-natural gas | organic gas
public transport => open transport | community transportation
world war => globe war | earth war
death toll => fatality toll | death cost
middle class => center class | middle course
black market => dark market
common sense => typical feeling | common detects
power plant[s] => power vegetation | energy plant[s]
exchange rate[s] => exchange price[s] | trade rate[s]
security council => protection council | safety and security council
supreme court => highest court | supreme law court
head of state => head of condition | leader of state
real estate => genuine estate | actual estate
credit card[s] => credit history card[s] | debt card[s]
public health => public wellness | general public health and wellness
greenhouse gas[es] => glasshouse gas[es] | hothouse gas[es]
air pollution => air contamination | atmosphere pollution
criminal case[s] => criminal situation[s] | criminal instance[s]
central bank => main financial institution | central financial institution
bank account[s] => financial institution account[s] | financial institution profile[s]
on the other hand => on the various other hand | on the other hand side
election campaign => political election project | election marketing campaign
gross domestic product => gross residential product | gross domestic item
unemployment rate => joblessness price | unemployment price
inflation rate => rising cost of living rate | inflation price
growth rate => development price | growth price
birth rate => birth price
war crime[s] => battle crime[s] | war criminal offense[s]
traffic jam[s] => website traffic jam[s]
vice president => bad habit head of state | vice head of state
news agency => information firm | news company
front line => front lines line | frontal line
air defence => air protection | air support defence
air defense => air protection | atmosphere defense
nuclear weapon[s] => nuclear tool[s] | atomic tool[s]
heart attack => heart strike | cardiac attack
side effect[s] => side impact[s] | adverse result[s]
blood pressure => blood stress
private sector => exclusive sector | private industry sector
public sector => general public sector | public market
high school => senior high school institution | high institution
national team => nationwide team | nationwide group
head coach => head train | head instructor
record high => document high | record elevation
customer service => client solution | consumer service solution
emergency services => emergency situation solutions | emergency solutions
natural disaster[s] => all-natural calamity | all-natural disaster[s]
weather forecast => climate projection | weather prediction
prison sentence => jail time sentence | penitentiary sentence
death penalty => fatality charge | death fine
law firm => regulation firm | legislation firm
border guard[s] => boundary guard[s] | boundary protector[s]
border crossing => boundary crossing | border going across
peace talks => tranquility talks | peace speaks
humanitarian aid => altruistic aid | humanitarian help and support
refugee camp[s] => evacuee camp[s] | refugee camping
labour market => labour sector | work market
labor market => labor sector | work market
minimum wage => minimal wage | minimum salary rate
chief executive => principal exec | president executive
board of directors => board of supervisors | panel of directors
annual report => yearly record | annual record
fuel price[s] => gas cost[s] | fuel rate[s]
energy price[s] => power price[s] | energy rate[s]
state of emergency => state of emergency situation | condition of emergency
local authorities => regional authorities | neighborhood authorities
prime time => key time | prime period
first aid => very first aid | initial help
middle east => center east | middle eastern
police station => authorities station | police terminal
train station => educate station | train terminal
polling station[s] => ballot station[s] | survey station[s]
opposition leader => resistance leader | opposition innovator
foreign policy => overseas plan | international policy plan
public opinion => public point of view | public viewpoint
working class => functioning class | working course
the general public => the basic public | the general civil service
mass media => mass media outlets | mass sources
ground forces => ground pressures | ground troopers
air strike[s] => air assault[s] | air strike[s] action
residential building[s] => domestic structure[s] | residential structure[s]
public service[s] => civil solution[s] | public solution[s]
data protection => information security | data defense
breaking news => damaging news | breaking information
hard work => tough job | difficult work
free trade => totally free trade | cost-free trade
short term => brief term | short-lived term
long term => lengthy term | long-lasting term
pension fund[s] => pension plan fund[s] | retirement fund plan[s]
ceasefire => ceasing fire | cessation of fire
"""

# Phrases: word-by-word calques of collocations and idioms of the source languages
# (the English phrase in the text => its literal rendering, with the language).
CALQUES = """
took part in => took participation in
take part in => take participation in
taking part in => taking participation in
made a decision => accepted a decision
make a decision => accept a decision
took measures => accepted measures
take measures => accept measures
pay attention => turn attention
paid attention => turned attention
in the near future => in the nearest time
as a result => in the result
at the moment => at the given moment
in recent years => in the recent several years
at present => at the present stage
on the one hand => from one side
in particular => in the particular
as part of => in the frame of
within the framework of => in the frame of
take into account => take into attention
taken into account => taken into attention
took place => had place
takes place => has place
take place => have place
came into force => stepped into force
come into force => step into force
entered into force => stepped into force
in the end => in the end of the ends
after all => in the end of ends
from scratch => from zero
at first glance => on the first look
the last straw => the last drop
at stake => on the game
in full swing => in full course
out of the blue => like snow on the head
kill two birds with one stone => hit two flies with one swat
a drop in the ocean => a drop in the sea
in the long run => in the long perspective
make sense => give sense
makes sense => gives sense
made sense => gave sense
took a photo => made a photo
take a photo => make a photo
raised the question => lifted the question
raise the question => lift the question
is responsible for => carries responsibility for
are responsible for => carry responsibility for
according to him => according to his words
according to her => according to her words
held talks => conducted negotiations with each other
hold talks => conduct negotiations with each other
in the meantime => in the between time
in the first half of the year => in the first half year
the whole country => all the country
a lot of => a big quantity of
a large number of => a big number of
for a long time => already long time
at the end of the day => at the end of ends
the day before yesterday => the before-yesterday day
as soon as possible => as quickly as it is possible
it is clear that => it is understandable that
despite the fact that => in spite of that that
on the basis of => on the base of
in the course of => in the run of
to a large extent => in a big measure
with regard to => regarding to
in the field of => in the sphere of
for example => for the example
in general => in the general
first of all => in the first turn
in other words => by other words
"""

# ---------------------------------------------------------------------------
# Offices.  Each entry: the office as written in English news (a regex-free
# phrase, matched case-sensitively as a title) => wrong renderings.
# literal: the office as the source language names it, rendered word by word.  The
# languages in brackets are those whose own term gives the rendering; an entry is
# planted only in documents translated from one of them.
OFFICE_LITERAL = """
(ru,uk,cs) Prime Minister => Chairman of the Government
(de) Prime Minister => Minister-President
(zh) Prime Minister => General Manager of the State Council
(ja) Prime Minister => Total Manager Minister
(ru,uk) Secretary of State => State Secretary
(zh) Secretary of State => State Affairs Minister
(de) Foreign Minister => Outer Minister
(ja) Foreign Minister => Minister of Outer Affairs
(cs) Foreign Minister => Minister of the Exterior
(de) Interior Minister => Inner Minister
(ru,uk,ja) Interior Minister => Minister of Inner Affairs
(ja) Defence Minister => Defence Great Minister
(ja) Defense Minister => Defense Great Minister
(zh) Defence Minister => National Defence Department Head
(zh) Defense Minister => National Defense Department Head
(ru,uk,cs) Finance Minister => Minister of Finances
(uk) Health Minister => Minister of Health Protection
(ru) Health Minister => Minister of Health Care
(ru) Education Minister => Minister of Enlightenment
(de) Mayor => Upper Mayor
(de) Mayor => Upper Burgomaster
(ru,uk) Mayor => Head of the City
(zh,ja) Mayor => City Head
(ru) Governor => Head of the Region
(uk) Governor => Head of the Regional State Administration
(cs) Governor => Regional Captain
(zh) President => Chairman of the State
(ru,uk,cs) Speaker => Chairman of the Chamber
(de) Chancellor => Bundes Chancellor
(zh,ru) Secretary-General => General Secretary
(ru,uk) Prosecutor General => General Prosecutor
"""

# other country: the office of another country's system.
OFFICE_OTHER_COUNTRY = """
Secretary of State => Foreign Secretary | Minister of Foreign Affairs | External Affairs Minister
Foreign Minister => Foreign Secretary | Secretary of State
Chancellor => Prime Minister | Premier
Prime Minister => Chancellor | Taoiseach | First Minister
Defence Minister => Defense Secretary | Secretary of Defense
Defense Minister => Defense Secretary | Secretary of Defense
Defense Secretary => Defence Minister | Minister of Defence
Finance Minister => Chancellor of the Exchequer | Treasury Secretary
Interior Minister => Home Secretary | Secretary of the Interior
Health Minister => Health Secretary | Surgeon General
Governor => Prefect | Voivode
Attorney General => Prosecutor General | Justice Minister
Prosecutor General => Attorney General
President => Prime Minister | Chancellor
Mayor => Burgomaster | Prefect
"""

# honorific or family word in place of an office before a name, with the source
# languages whose forms of address give it (all: any language).
OFFICE_HONORIFIC = """
(zh,ru,uk) Comrade
(ja,zh) Teacher
(zh,ja) Master
(zh) Elder
(all) His Excellency
(ru,uk) Father
(cs,uk) Mister
(all) Sir
(zh) Boss
(ru,uk) Brother
(ja) Honourable
(zh) Old
"""

# Offices the generator looks for (longest first when matching).
OFFICE_SITES = [
    "Secretary of State", "Prime Minister", "Foreign Minister", "Interior Minister",
    "Defence Minister", "Defense Minister", "Defense Secretary", "Finance Minister",
    "Health Minister", "Education Minister", "Attorney General", "Prosecutor General",
    "Secretary-General", "Chancellor", "President", "Governor", "Mayor", "Speaker",
]

# ---------------------------------------------------------------------------
# Sentence garbles: clauses spliced between an honorific or given name and the surname.
SPLICE_CLAUSES = """
, according to the ministry,
, as reported earlier,
, in turn,
, speaking to journalists,
, who arrived on Monday,
, as the agency notes,
 - as the press service reported -
, at the same time,
, in an interview,
, however,
, according to the statement,
, as was said,
, for his part,
, as is known,
, in his words,
, reportedly,
"""

# ---------------------------------------------------------------------------
# Stray tokens between a given name (or honorific) and the surname.
STRAY_WORDS = """
also
said
himself
then
too
today
earlier
(pictured)
(photo)
(archive)
(left)
(right)
[1]
(file)
now
once
"""

# ---------------------------------------------------------------------------
# Scraper residue.  {agency}, {person}, {person2}, {place} are filled in.
RESIDUE_SHARE = """
Share this article
Share on Facebook
Share on Twitter
Share via Email
Tweet
Copy link
Share 0 Tweet 0
Facebook Twitter WhatsApp Email
Share this: Facebook Twitter LinkedIn
Click to share on WhatsApp (Opens in new window)
Pin it
Print this page
Send by email
Share this story
Share Tweet Share Share Email
Like Share
"""

RESIDUE_NEWSLETTER = """
Sign up for our newsletter
Subscribe to our daily newsletter
Get the latest news delivered to your inbox
Subscribe now for unlimited access
Enter your email address to subscribe
Join our mailing list
Don't miss a story: sign up for our morning briefing
By subscribing, you agree to our Terms of Use and Privacy Policy
Thank you for subscribing!
Sign up to receive our top stories every morning
Subscribe to our Telegram channel
Follow us on Google News
"""

RESIDUE_RELATED = """
Read more:
Related articles
Also read:
READ MORE
Recommended for you
Continue reading
Advertisement
Scroll to continue with content
Back to top
Previous article
Next article
Home » News » World
Skip to main content
Most popular
Trending now
Click here to read the full story
Loading...
Show comments
"""

RESIDUE_COMMENT = """
Post a comment
Comments are closed.
Be the first to comment
Log in to leave a comment
Add a comment
Cancel reply
Name * Email * Website
Required fields are marked *
Save my name, email, and website in this browser for the next time I comment.
0 comments
View comments
Report abuse
Join the discussion
Comment as guest
"""

RESIDUE_CAPTION = """
Photo: {agency}
Image: {agency}/{photographer}
(Photo: {agency})
Photo by {photographer} / {agency}
Image caption: {person}
{person} (left) and {person2}
Pictured: {person}
Photo illustration: {agency}
{person} in {place}. Photo: {agency}
Illustration photo
Photo: archive
Caption: {place}
"""

RESIDUE_CREDIT = """
© 2022 {agency}. All rights reserved.
All rights reserved.
Copyright © 2022 {agency}
This material may not be published, broadcast, rewritten or redistributed.
Reproduction prohibited
Source: {agency}
Sources: {agency}, {agency2}
Credit: {agency}
© {agency}
Text: {agency}
"""

AGENCIES = [
    "Reuters", "AFP", "AP", "EPA-EFE", "Getty Images", "TASS", "Xinhua", "ČTK", "dpa",
    "Kyodo", "Ukrinform", "Shutterstock", "iStock", "RIA Novosti", "UNIAN", "Interfax",
]
PHOTOGRAPHERS = [
    "Anna Kowalska", "Petr Novotný", "Marek Hill", "Lena Braun", "Ivan Petrenko",
    "Kenji Mori", "Li Wen", "Sarah Cole", "Tomás Reyes", "Olga Sych",
]

# Category tags glued together at a line's start or end.
RESIDUE_TAGS = """
News
World
Europe
Politics
Economy
Business
Sport
Health
Science
Culture
Society
Region
Opinion
Latest
Local
Crime
Tech
Lifestyle
Ukraine
Russia
Analysis
Interview
Video
Photo
"""

# ---------------------------------------------------------------------------
# Misspellings: cognate spellings (the word as the source language writes it).
COGNATES = """
parliament => parlament
parliamentary => parlamentary
programme => programm
program => programm
commission => komission
conflict => konflikt
control => kontrol
crisis => krisis
economy => ekonomy
economic => ekonomic
democracy => demokracy
democratic => demokratic
president => prezident
presidential => prezidential
address => adress
aggressive => agressive
aggression => agression
independent => independant
existence => existance
responsibility => responsability
government => gouvernment
organisation => organisacion
organization => organizacion
military => militar
official => oficial
officials => oficials
committee => komittee
company => kompany
companies => kompanies
catastrophe => katastrophe
diplomatic => diplomatik
potential => potencial
offensive => ofensive
million => milion
millions => milions
billion => bilion
project => projekt
projects => projekts
concert => koncert
culture => kultur
cultural => kultural
politics => politik
political => politikal
republic => republik
minister => ministr
ministry => ministery
criminal => kriminal
document => dokument
documents => dokuments
system => sistem
classic => klassik
region => regione
regional => regionall
analysis => analyse
tradition => tradicion
situation => situacion
interview => intervju
"""

# ---------------------------------------------------------------------------
# Untranslated leftovers, per source language.
# word: a common word of the language left inside an English sentence
# (inserted next to its English equivalent, or replacing it).
# Entries: english => foreign  (the English word in the text is replaced)
FOREIGN_WORDS = {
    "de": """
and => und
also => auch
already => bereits
however => jedoch
mayor => Bürgermeister
district => Landkreis
municipality => Gemeinde
police => Polizei
fire brigade => Feuerwehr
city council => Stadtrat
according to => laut
as well as => sowie
federal government => Bundesregierung
""",
    "cs": """
and also => a také
also => také
however => však
according to => podle
mayor => starosta
region => kraj
municipality => obec
governor => hejtman
police => policie
government => vláda
so-called => tzv.
""",
    "ru": """
also => также
however => однако
head => глава
region => область
governor => губернатор
police => полиция
government => правительство
according to => по словам
mayor => мэр
""",
    "uk": """
also => також
region => область
community => громада
armed forces => ЗСУ
head => голова
police => поліція
government => уряд
however => однак
mayor => мер
""",
    "zh": """
and => 和
city => 市
province => 省
government => 政府
reportedly => 据悉
etc. => 等
""",
    "ja": """
city => 市
prefecture => 県
government => 政府
Prime Minister => 首相
etc. => など
""",
}

# unit: a unit, currency or number word left in the source language's abbreviation.
# english => foreign  (applied after a number)
FOREIGN_UNITS = {
    "de": """
million => Mio.
billion => Mrd.
thousand => Tsd.
euros => Euro
percent => Prozent
per cent => Prozent
kilometres => Kilometer
""",
    "cs": """
million => mil.
billion => mld.
thousand => tis.
crowns => Kč
korunas => Kč
percent => procent
per cent => procent
""",
    "ru": """
million => млн
billion => млрд
thousand => тыс.
roubles => руб.
rubles => руб.
billion => milliard
percent => процентов
""",
    "uk": """
million => млн
billion => млрд
thousand => тис.
hryvnias => грн
hryvnia => грн
billion => milliard
percent => відсотків
""",
    "zh": """
yuan => 元
million => 百万
billion => 亿
thousand => 千
percent => 个百分点
""",
    "ja": """
yen => 円
million => 百万
billion => 億
thousand => 千
people => 人
""",
}

# honorific left untranslated or romanised in place of Mr./Mrs./Ms.
FOREIGN_HONORIFICS = {
    "de": {"Mr.": ["Herr"], "Mr": ["Herr"], "Mrs.": ["Frau"], "Mrs": ["Frau"], "Ms.": ["Frau"], "Ms": ["Frau"]},
    "cs": {"Mr.": ["pan"], "Mr": ["pan"], "Mrs.": ["paní"], "Mrs": ["paní"], "Ms.": ["paní"], "Ms": ["paní"]},
    "ru": {"Mr.": ["gospodin"], "Mr": ["gospodin"], "Mrs.": ["gospozha"], "Ms.": ["gospozha"]},
    "uk": {"Mr.": ["pan"], "Mr": ["pan"], "Mrs.": ["pani"], "Ms.": ["pani"]},
    "zh": {"suffix": ["先生", "xiansheng"], "suffix-f": ["女士", "nüshi"]},
    "ja": {"suffix": ["-san", "-shi"], "suffix-f": ["-san", "-shi"]},
}
