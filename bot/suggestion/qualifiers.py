"""What a clause says about a fact besides the fact itself: negated, planned, partial, unsure, uncommitted,
or about to be lost; and whether a clause agrees with a condition phrase, qualifiers included."""

from __future__ import annotations

import re
from enum import StrEnum


class Qualifier(StrEnum):
    """What a clause says about a fact besides the fact itself."""

    NEGATED = "negated"  # "we don't have", "there is no", "never"
    FUTURE = "future"  # "planning to", "not yet", "next year", "being drafted"
    PARTIAL = "partial"  # "in some departments only", "a few pilots", "ad hoc"
    UNSURE = "unsure"  # the speaker does not know: "I can't say yet whether", "too early to tell"
    UNCOMMITTED = "uncommitted"  # a plan nobody has committed to: "we'd like to", "if funding comes through"
    LOSS = "loss"  # something in place that will stop: "the grant ends in 2026", "will be cut"


def _pattern(verbose: str) -> re.Pattern[str]:
    return re.compile(verbose, re.IGNORECASE | re.VERBOSE)


# Who does the work, when what happens "depends on" them ("the manager", "which team"): practice varies, a part
# (`Qualifier.PARTIAL`), not a condition still to be met (`_UNCOMMITTED`)
WHO_DOES_IT = (r"(?:individual\s)?(?:manager|team|department|service|officer|person|people|directorate|head|lead|unit"
               r"|ward|area|director|boss|hos|hod|head\sof\s(?:service|department))s?\b")
# How much it depends: "it depends entirely on which manager you get"
_HOW_MUCH = (r"(?:(?:entirely|largely|mostly|mainly|really|very\smuch|heavily|a\slot|totally|completely|purely"
             r"|wholly)\s)?")
# ... said after "depends on": "the project manager", "which team", "whoever is running it", "whether the manager is
# into it"
WHO_DEPENDS = (r"(?:(?:the|which|each|whichever)\s)?(?:[\w-]+\s)?{who_does_it}|whoever\b"
               r"|who(?:'s|\sis)\s(?:running|leading|managing|doing|in\scharge)\b"
               r"|whether\s(?:the|a|an|each|individual)\s(?:[\w-]+\s)?{who_does_it}")
# An action of an action log: "Action 2.6", "action C3.1" (`clauses.with_statuses_joined` joins its status to it)
ACTION_ITEM = r"action\s[a-z]?\d+(?:\.\d+)*(?![\d.])"
# A document not adopted yet: "it's still a draft", "in draft" (a plan here; `scope.not_in_place_yet` too).
DRAFT = r"(?:still|only|just)\s(?:a\s|in\s)?drafts?|in\sdraft"
_QUALIFIER_PATTERNS: dict[Qualifier, re.Pattern[str]] = {
    Qualifier.NEGATED: _pattern(r"""\b(?:
          no | not(?!\s(?:much|many|a\slot)\b) | never | none | nothing | nobody | nowhere | neither | nor | without
        | cannot | absent | missing
        | lack(?:s|ing)?
        | (?:do|does|did|is|are|was|were|has|have|had|ca|can|could|would|wo|should|must|need|might|ai|sha)n'?t | n't
        | no\slonger | far\sfrom | unable\sto | fail(?:s|ed)?\sto
        # what was meant to happen and did not: "the new vision was supposed to be published last spring"
        | (?:was|were)\s(?:originally\s)?(?:supposed|meant)\sto
        # a refusal: "the utility and the bus operator have both declined to publish through the platform"
        | (?:declin|refus)(?:e|es|ed|ing)\sto
        # left out of a plan: "a self-service view is out of scope"
        | out\sof\sscope | outside\s(?:the\s)?scope
        # nothing in it: "the risk register is still empty"
        | (?:is|are|was|were|remains?|stays?|still)\s(?:still\s|largely\s|mostly\s|completely\s)?(?:empty|blank)
        # a scarcity, as the level-1 criteria say it ("with little investment in sensors"): "there's been very little
        # investment", "hardly any sharing" (not "a little", "little by little")
        | (?:(?:very|too|so|relatively|comparatively|precious)\s|(?<=\bbeen\s)|(?<=\bwith\s)|(?<=\bhave\s)|(?<=\bhas\s)
           |(?<=\bhad\s)|(?<=\bis\s)|(?<=\bthere's\s)|(?<=^))little(?!\s(?:by|bit|while|more|less|doubt)\b)
        | (?:hardly|barely|scarcely)\sany | next\sto\s(?:no|nothing)
    )\b"""),
    Qualifier.FUTURE: _pattern(rf"""\b(?:
        # intentions
          not\syet | yet\sto
        # "we plan to", not a plan that exists: "a city-wide plan to build on it"
        | (?<!\ba\s)(?<!-wide\s)(?<!\bcitywide\s)(?<!\baction\s)plan(?:s|ning)?\sto
        | intend(?:s|ing)?\sto | aim(?:s|ing)?\sto | hope(?:s)?\sto | would\slike\sto
        # "letting residents see who looked at their data is planned for later"
        | (?:is|are|'s|'re)\s(?:also\s|now\s|only\s)?planned\s(?:for|from|in|next|later|soon)\b
        | (?:we|i|we'd|i'd)\s(?:really\s)?want\sto
        | considering | thinking\sabout | (?:will|'ll)\s(?:\w+\s)?think\sabout | exploring
        | (?:are|'re|am|is)\s(?:also\s|now\s)?looking\s(?:at|into)
        | (?:the\s|our\s|^)(?:idea|plan|intention|aim|hope)\s(?:is|was)\s(?:to|a|an|for)\b
        | on\s(?:our|the)\s(?:wish\s?list|to-do\slist)
        # "a portal is 'on the roadmap'"; not "a progress update on the roadmap" (what the update is about)
        | (?:is|are|'s|'re|was|were)\s(?:still\s|now\s|only\s)?['"‘“]?on\s(?:our|the)\s(?:roadmap|horizon|radar|cards)
        # ... or in it: "single sign-on is in the digital roadmap"
        | (?:is|are|'s|'re|was|were)\s(?:still\s|now\s|only\s|also\s)?['"‘“]?in\s(?:our|the)\s(?:[\w-]+\s)?roadmap
        # vague times to come
        | next\syear | in\sthe\sfuture | one\sday | eventually | soon | someday | in\sthe\spipeline
        | next\s(?:spring|summer|autumn|fall|winter|month|quarter|term|financial\syear|budget|election)
        # work under way, the speaker's own ("9 start-ups working on city data" is what they do now)
        | (?:^|(?:we|i|they|team|council|we're|i'm|they're|are|is|am|'re|'s|been|currently|still|now|busy|already
               |actively|also|really|hard)\s['"‘“]?)working\s(?:on|towards) | in\spreparation
        | being\s(?:drafted|developed|prepared|written|designed|discussed)
        # a document not adopted yet: "it's still a draft", "in draft", "the draft strategy"
        | {DRAFT} | (?:a|the|our|their|its)\sdraft
        | under\s(?:development|discussion|consideration|preparation)
        # not begun beyond finding out what it would take: "a new vision is 'in scoping'"
        | (?:in|at\s(?:the\s)?)\s?scoping(?:\s(?:stage|phase))? | being\sscoped
        | (?:has|have|had)\s(?:only\s)?been\sscoped
        | (?:we're|we\sare|is\sbeing|are\sbeing)\s(?:building|developing|drafting|preparing|procuring|designing|built
                                                      |scoping|exploring)
        # the step after this one: "next step we're scoping is ...", "the next phase will"
        | (?:^\W*(?:the\s|our\s|funded\s)?|(?:'s|\sis|\sbe|\swas|\sas)\s(?:the\s|our\s)?)next\s(?:steps?|phase|stage)\b
        | (?:being|is\sout\sto|are\sout\sto|going\sout\sto)\stender(?:ed)?\b | mid[-\s](?:procurement|tender)
        # a project's status, as status reports put it: waiting on a decision, in an early phase, bought but not
        # delivered, on its way ("pending cabinet approval", "in discovery phase", "procurement underway", "go-live
        # scheduled for Q3", "slipped to March", "on track for adoption")
        | (?:pending|awaiting)\s(?:\w+\s){{0,2}}?(?:approval|sign-?off|decision|agreement|adoption|go-?ahead|funding)
        | (?:go-?live|launch|roll-?out|adoption|completion|delivery|implementation)\s(?:is\s)?(?:now\s)?
          (?:scheduled|planned|expected|due|targeted|pencilled|forecast)\b
        | (?:slipped|delayed|pushed(?:\sback)?|re-?baselined|rescheduled|moved)\s(?:to|until|into)\s
          (?:q[1-4]|20\d\d|next|the\s(?:spring|summer|autumn|winter|new\syear)|spring|summer|autumn|winter|january
          |february|march|april|may|june|july|august|september|october|november|december)
        | in\s(?:the\s)?(?:discovery|alpha|mobili[sz]ation|procurement|design|feasibility|initiation|planning
                          |definition)\s(?:phase|stage)
        | (?:procurement|tender|tendering)\s(?:is\s)?(?:now\s)?(?:underway|under\sway|ongoing|live|out|open)
        | \bitt\s(?:issued|out|live) | business\scase\s(?:is\s)?(?:in\s(?:development|preparation)|being\s\w+)
        | feasibility\s(?:study|work)\s(?:is\s)?(?:commissioned|underway|under\sway|ongoing)
        | on\strack\s(?:for|to)\s(?:the\s)?(?:adoption|launch|go-?live|completion|delivery|approval|sign-?off
                                           |publication|roll-?out|opening|start)\b
        | target\sdate | mobilis(?:ing|ation)
        # a plan said impersonally: "it is envisaged that a city-wide policy would be established"
        | it\s(?:is|was)\s(?:\w+\s)?(?:envisaged|anticipated|intended|proposed|expected|foreseen)\s(?:that|to)\b
        | (?:is|are)\s(?:currently\s)?envisaged
        | (?:during|in|over|within)\sthe\s(?:forthcoming|upcoming)\s
        # an action of an action log, not done: "Action 7.2 user evaluation of the digital tools – RED"
        | (?<!\w\s)(?<!\w){ACTION_ITEM}(?![^;]*\b(?:complete|completed|done|closed|delivered|live|green|achieved
                                                   |bau|in\splace)\b)
        # things that will happen, and when
        | to\sbe\s(?:rolled\sout|introduced|launched|published|set\sup|created|adopted|agreed)\s(?:in|by|from|next)\b
        | (?:will|'ll|shall|going\sto)\s(?:(?:definitely|absolutely|certainly|also|then|finally|actually|really)\s)?
          (?:be\s|start|begin|introduce|publish|launch|set|create|develop|build|roll
                                        |put|have|get|make|look|consider|try)
        # "we're going to commission a study"; not a place: "we're going to the council in May"
        | (?:'re|are|'m|am|is|'s)\s(?:also\s|now\s|then\s)?going\sto\s
          (?!(?:the|a|an|our|their|its|this|that|my|your|his|her|them|us|be\s(?:hard|difficult|tough))\b)
        | by\s20\d\d\swe
        | (?:earliest|not\sbefore|at\sthe\searliest)\s(?:in\s)?20\d\d
        # ("set in 2019" and "planned in 2020" are the past: only "for" a time, or "due in" one, is to come)
        | (?:planned|scheduled|due|expected|slated|earmarked|pencilled\sin|budgeted)\sfor\s
          (?:20\d\d|next|the\s(?:spring|summer|autumn|winter|coming))
        | (?:scheduled|due|expected|slated)\sin\s(?:20\d\d|next|the\s(?:spring|summer|autumn|winter|coming))
        | (?:launch(?:es)?|go(?:es)?\slive|due|comes?|coming|arrives?|starts?|starting
           |roll(?:s|ing)?\s(?:it\s|them\s)?out|kicks?\soff)\s(?:in|by|from)\s
          (?:20\d\d|next|the\sspring|the\sautumn|the\ssummer|the\swinter|spring|autumn|summer|winter|q[1-4]
          |the\snew\syear|january|february|march|april|may|june|july|august|september|october|november|december)
        # chat: "due Q2 2027", "due 2027", "next yr", "by eoy"
        | due\s(?:q[1-4]\s)?20\d\d | due\sq[1-4] | next\s(?:yr|fy) | due\sby\s(?:the\s)?(?:end|20\d\d|next|spring|summer
                                                                            |autumn|winter|q[1-4])
        # a time from now: "live in 12 months", "launching in nine months" (not "went live in 3 months")
        | (?<!went\s)(?<!was\s)(?<!were\s)(?:live|launch(?:es|ing)?|ready|operational|starts?|starting|opens?
                                            |opening)\s
          in\s(?:about\s|around\s|roughly\s|another\s)?(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten
                                                         |eleven|twelve|eighteen)\s(?:months?|weeks?|years?)
        | by\s(?:the\s)?(?:eoy|end\sof\s(?:the\s)?(?:year|yr))
    )\b"""),
    Qualifier.PARTIAL: _pattern(r"""\b(?:
        # some of it
          some\sdepartments? | (?:in|for)\ssome | one\sor\stwo | limited\sto
        # a little, not nothing: "not much actually shared yet"
        | not\s(?:much|many|a\slot)\b
        # who does it decides whether it happens: "it depends on the manager", "depends which team"
        | depend(?:s|ing)?\s{how_much}(?:on\s)?(?:{who_depends})
        # ... or whether they feel like it: "it's when a service feels like it", "if the manager bothers"
        | (?:when|if|whenever)\s(?:a|an|the|each|individual|some)\s(?:[\w-]+\s)?{who_does_it}\s(?:feels?\slike\sit
                                                                                  |wants?\sto|bothers?|chooses?\sto
                                                                                  |decides?\sto|fancies\sit)
        # one unit of the whole: "that's just one programme", "just the one department"
        | just\s(?:the\s)?one\s(?:programme|program|project|department|service|team|area|directorate|pilot|site
                                |neighbourhood|neighborhood|ward|district|scheme|building|unit|division)s?\b
        # "a few", but not of what was achieved: "it has actually sorted a few cross-boundary problems"
        | (?<!sorted\s)(?<!solved\s)(?<!fixed\s)(?<!resolved\s)(?<!won\s)(?<!out\s)(?<!cracked\s)(?<!unblocked\s)
          a\sfew(?!\s(?:hundred|thousand|million|dozen)\b)  # "a few thousand people" is a crowd
          (?!\s(?:years|months|weeks|decades)\b)  # "for a few years now" is how long, not how much
        | one[-\s]offs? | case\sby\scase
        | approx(?:imately|\.)?\shalf | half\s(?:done|complete|completed|finished|mapped|covered|way\sthrough)
        | (?<!not\s)(?<!the\s)(?<!if\s)(?<!\w-)only(?!\sjust\b|\safter\b|\swhen\b|\sthen\b|\sonce\b)
        # not who or what does it or pays for it: "the dashboard is fed partly by our sensors", "partly financed from
        # the savings"
        | partly(?!\s(?:\w+ed\s)?(?:by|from|through|via|with|out\sof)\b) | partial
        | partially(?!\s(?:\w+ed\s)?(?:by|from|through|via|with|out\sof)\b)
        | patchy | piecemeal | isolated | here\sand\sthere | pockets?\sof
        | in\sbits | bits\sand\spieces | bitty
        | not\s(?:all|every|consistently|always|city-wide|citywide|across)
        | not\s(?:yet\s)?(?:for|in|across|to)\s(?:all|every|each)
        # only begun
        | (?:^\W*|(?:we(?:'ve)?|they(?:'ve)?|it|has|have|just|only|recently|team|governance|department|council)\s)
          (?:just\s|only\s|recently\s)?(?:started|begun)\s(?:a|an|to|on|with|work|mapping|building|drafting|collecting)\b
        | \b\d{1,2}\s?%\s(?:done|complete|completed|finished|mapped|covered|through)\b
        | so\sfar | early\s(?:days|stages?) | first\ssteps | (?:about|around|roughly)\shalf | half\sof
        | (?:still\s)?in\sprogress
        # now and then, informally, as a trial
        | ad[-\s]hoc | occasionally | sometimes | sporadic(?:ally)? | informal(?:ly)? | loosely
        | (?:a\s|one\s)?pilot(?:s|ing|ed|\sproject|\sscheme)? | trial(?:s|led|ling|ing)?
        # more in name than in practice
        | mostly\son\spaper | in\stheory
        # what was just said is the exception, not the rule: "those two are the exceptions" (not "social care is the
        # exception", which makes the rest the rule)
        | (?:those|these|they|that|this|it|which|both)(?:\s(?:two|three|few|ones|projects|schemes|cases))?
          (?:\s(?:is|are|was|were)|'s|'re)\s(?:really\s|very\smuch\s)?(?:the|an)\s(?:\w+\s)?exceptions?\b
        | exceptions?\srather\sthan\sthe\srule
        # "it only exists on paper"; not the paper itself: "inspections are logged on paper"
        | (?<!logged\s)(?<!recorded\s)(?<!kept\s)(?<!written\s)(?<!filed\s)(?<!done\s)(?<!printed\s)on\spaper
        | in\sprinciple | supposed\sto
        | kind\sof | sort\sof | of\ssorts | more\sor\sless | i\sguess | not\sreally
        # judged short of the mark: "online take-up is low", "uptake remains poor"
        | (?:is|are|was|were|remains?|stays?|still)\s(?:very\s|quite\s|pretty\s|really\s|fairly\s|still\s)?
          (?:low|poor|weak|minimal|patchy|disappointing)
    )\b""".replace("{who_depends}", WHO_DEPENDS).replace("{who_does_it}", WHO_DOES_IT)
    .replace("{how_much}", _HOW_MUCH)),
}
# The speaker does not know: no evidence either way.
_UNSURE = _pattern(r"""^\W*whether\b
    # what someone said, its subject named before the comma: "after the mayor, Lena Brandt, said she didn't want the
    # strategy 'owned by the town hall'"; their words, not a fact of the city
    | ^\W*(?:(?:and|but|who|which)\s)?(?:said|says|told\s\w+|argued|insisted|claimed|complained|warned)\s(?:that\s)?
      (?:she|he|they)\b
    | \b(?:
      (?:can't|cannot|couldn't)\s(?:yet\s)?(?:say|tell) | hard\sto\s(?:say|tell) | too\s(?:early|soon)\sto\s(?:say|tell)
    | (?:not|never)\s(?:sure|certain) | (?:don't|do\snot|didn't)\sknow | no\sidea | unclear | remains\sto\sbe\sseen
    # an attempt, its result untold: "I tried to pull cost per contact by channel"
    | (?:i|we|they|he|she|someone|somebody)\s(?:once\s|also\s)?(?:tried|attempted)\sto
    # a stand-in, not the thing: "the closest thing we have is the utility's digital officer"
    | (?:closest|nearest)\s(?:thing|equivalent)\b
    # hearsay, not what the speaker knows: "I was told there's a policy", "someone told me", "supposedly"
    | i\s(?:was|'ve\sbeen|have\sbeen|am|'m|got)\s(?:also\s|once\s)?(?:told|informed)
    # (not "what people told us": the content acted on)
    | (?<!\bwhat\s)(?:someone|somebody|people|they|he|she)\s(?:also\s|once\s)?(?:told|tells)\s(?:me|us)
    | (?:i|i've|we've)\s(?:hear|heard)\s(?:that|there)\b | supposedly | allegedly  # not "we hear what residents want"
    | rumou?r\s(?:is|has\sit)
)\b(?:[^.;]{0,20}\b(?:whether|if|how|what|yet))?""")
# Another body's business, not the city's: "waste is the county's", "water is the utility's", "that sits with the
# region". It says nothing of what the city itself has in place.
_SOMEONE_ELSES = _pattern(r"""\b(?:is|are|that's|it's)\s(?:all\s|really\s)?(?:the\s)?
    (?:county|region|regional\sauthority|state|utility|utilities|government|ministry|province|police|nhs|water\scompany
     |transport\sauthority|health\sboard|operator|contractor|port|harbour|port\sauthority|harbour\sauthority
     |university|hospital|airport|housing\sassociation|developer|chamber)(?:'s|s')
     (?:\s(?:job|thing|responsibility|business|document|plan|strategy|vision|project|programme|scheme))?
    | \bsits?\swith\sthe\s(?:county|region|state|utility|government|ministry|province)\b
    # "thanks to the waste company's door-to-door system. But that's their contract."
    # "but that's their monitoring", "that was their research project"
    | ^\W*(?:(?:but|and|though)\s)?(?:that's|that\sis|that\swas|it's|it\sis|it\swas|those\sare|those\swere|they're)
      \s(?:all\s|really\s|just\s)?their\s(?:own\s)?[\w-]+(?:\s[\w-]+){0,2}\W*$""")


def is_someone_elses(text: str) -> bool:
    """Whether a clause says something is another body's business ("water is the utility's", "but that was their
    research project")."""
    return bool(_SOMEONE_ELSES.search(_cleaned(text)))


# Other places, not us: "Other cities are on about digital twins", "most places don't even have that" (unless the
# clause says where we stand too: "other councils have service designers, we have none")
_OTHER_PLACES = _pattern(r"""^\W*(?:(?:but|and|whereas|while|meanwhile|though|unlike)\s)?
    (?:(?:(?:the\s)?other|neighbouring|nearby|bigger|larger)\s(?:\w+\s)?
       (?:councils|cities|towns|authorities|municipalities|places|districts|boroughs|counties|regions)
     | most\splaces
     # a place named far off, and what "they" do there: "Over in Linford they livestream their board"
     | over\sin\s(?-i:[A-Z])[\w'-]+(?:\s(?-i:[A-Z])[\w'-]+)?,?\s(?:they|their))\b""")
_US = re.compile(r"\b(?:we|we're|we've|us|our|ours)\b", re.IGNORECASE)
# A plan nobody has committed to: not in place in two years either.
_UNCOMMITTED = _pattern(r"""\b(?:
    # hopes and wishes
      hope(?:s|fully)? | hoping | ideally | aspire\sto | fingers\scrossed
    # a hope ("our aspiration is ..."), not what something is like ("the vision is mostly aspiration")
    | (?<!mostly\s)(?<!largely\s)(?<!just\s)(?<!all\s)(?<!pure\s)(?<!purely\s)(?<!more\s)(?<!very\s)aspiration
    | would\s(?:really\s|also\s)?(?:like|love) | (?:we|i)'d\s(?:really\s|also\s)?(?:like|love)
    | would\sbe\s(?:nice|good|great|lovely|ideal)
    | (?:maybe|perhaps)(?!\s(?:\d|(?:a\s(?:dozen|few|couple|handful|third|quarter|hundred)|about|around|half|two
                                   |three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty
                                   |fifty|sixty|seventy|eighty|ninety|dozens|hundreds|once|twice)\b
                                |[\w-]+\s(?:percent|per\scent|%)))  # not "maybe 40 datasets", "maybe forty"
    | who\sknows
    | (?:step|thing|move|idea|option)\s(?:would|could)\sbe | (?:would|could)\s(?:need|require|mean)\b
    | in\san\sideal\sworld | wish(?:\s?list)?
    | considering | thinking\sabout | (?:will|'ll)\s(?:\w+\s)?think\sabout | exploring | one\sday | eventually | someday
    | at\ssome\s(?:point|stage)
    | (?:we|i|it)\smay\b(?!\sbe\s(?:noted|said|worth|argued|observed|added|mentioned|recalled|helpful|useful))
    | might | years\saway | a\slong\sway\soff
    # (not needs stated as a finding: "we did a skills review and listed what we need")
    | (?<!listed\s)(?<!identified\s)(?<!defined\s)(?<!mapped\s)(?<!know\s)(?<!knew\s)(?<!agreed\s)(?<!out\s)
      (?<!down\s)(?<!documented\s)(?<!recorded\s)(?<!captured\s)(?<!assessed\s)
      (?<!with\s)(?<!of\s)(?<!on\s)(?<!about\s)  # the object of a preposition: "a skills map with what we need"
      (?:something|what)\s(?:we|i)\s(?:really\s)?(?:want|need|would\slike|'d\slike)\b
    # an attempt, not a result: "we were trying to get telcos into a partnership"
    | (?<!what\s)(?:we|they|i|he|she|it|the\s\w+)
      (?:'re|'m|\swere|\sare|\swas|\sis|\sam|'ve\sbeen|\shave\sbeen|\shas\sbeen)\s(?:still\s|also\s)?trying\sto
    | (?:applied|applying|bid|bidding)\sfor\s(?:a\s|an\s|the\s)?(?:\w+\s)?(?:grant|funding|money)
    # "Bid in to the national Net Zero Fund for a climate action plan", "an application to the lottery fund"
    | (?:bid|bids|bidding|applied|applying|application|submitted(?:\s(?:it|them|this|that))?)\s(?:in\s)?(?:to|with)\s
      (?:the\s|a\s)?(?:[\w-]+\s){0,4}?
      (?:fund|funds|programme|scheme|call|competition|lottery)\b
    | not\sguaranteed | no\sguarantee
    # an application made, its answer to come: "we applied to the regional programme for a 3D model"
    | (?:we|they|i|council|city|the\s[\w-]+)\s(?:have\s|has\s|'ve\s|also\s)?(?:applied|bid)\s(?:to|into)\s
    | submitted\s(?:(?:a|an|our|the)\s)?(?:\w+\s)?(?:bid|application|proposal|funding\srequest)
    # what a bid asks for: "there's an open data platform in the digital bid we sent to the national fund"
    | in\s(?:the|our|a)\s(?:[\w-]+\s)?(?:bid|funding\sapplication|grant\sapplication)\b
    | (?:we'll|they'll|we\swill|they\swill)\s(?:just\s)?see | see\show\sit\sgoes | wait\sand\ssee
    # conditions, the elliptical ones too: "if approved we start 2026", "if successful, the pilot would extend"
    | \bif\s(?:approved|funded|successful|accepted|agreed|selected|granted|awarded|adopted|passed)\b
    | if\s(?:the\s|we\sget\s|there\sis\s|there's\s)?(?:funding|budget|money|grant|bid|council\sagrees|we\sget)
    | if\s(?:\w+\s){1,2}(?:has|have|gets?|finds?)\s(?:the\s|enough\s)?time
    # an event that may not happen: "if the new mayor gets in", "if the bid is approved", "if we win the vote"
    | if\s(?:[\w'-]+\s){1,7}(?:goes\sthrough|goes\sahead|includes?|allows?|approves?|agrees?|funds?)\b
    | if\s(?:\w+\s){1,4}(?:gets?\s(?:in|elected|re-?elected|approved|funded|through)|wins?|comes?\sthrough
                          |(?:is|are)\s(?:approved|funded|elected|re-?elected|successful)|pass(?:es)?)\b
    | (?:nothing|none\sof\sit)(?:'s\s|\s)(?:is\s|has\sbeen\s|been\s)?(?:approved|agreed|decided|funded|signed|budgeted)
    | (?:they|we|someone|somebody|people|he|she)(?:'ve|\shave|\shas)?\s(?:mention(?:s|ed)?|floated|suggested)
    # "A public dashboard is an idea people mention"
    | (?:is|was|'s|remains)\s(?:just\s|only\s|still\s|more\s)?an?\s(?:\w+\s)?(?:idea|wish|thought|notion)\b
    | the\s(?:[\w-]+\s){1,3}(?:has|have)\s(?:mentioned|floated|suggested)
    | (?:floated|mooted|toyed\swith)\s(?:the\s|an\s|a\s)?(?:\w+\s)?(?:idea|proposal|notion|possibility)
    | subject\sto\s(?:the\s|a\s|an\s)?(?:successful\s|positive\s|formal\s|final\s)?(?:funding|approval|budget|success
                                                                                  |outcome|result|confirmation
                                                                                  |availability|resources?|resourcing
                                                                                  |capacity|bid|sign-?off|decision
                                                                                  |agreement|business\scase)
    | (?:contingent|conditional)\s(?:up)?on
    # "if we get the funding", "if they get the capacity"
    | if\s(?:\w+\s){0,3}(?:gets?|got|receives?|secures?|finds?|has|have)\s
      (?:the\s|enough\s|any\s|some\s|more\s|extra\s)?(?:funding|money|budget|grant|capacity|resources?|staff|staffing|go-?ahead|green\slight)
    # keen, not committed: "IT are keen to write a strategy"
    | (?:is|are|'re|'m|am|was|were|seems?|remains?)\s(?:\w+\s)?(?:keen|eager)\sto
    # named as a thing to do one day: "has been identified as a priority for future development", "an area for
    # future consideration"
    | (?:a|an)\s(?:\w+\s){0,2}(?:priority|area|action|item|objective|aspiration)\sfor\s(?:future|further)\s
      (?:development|consideration|investigation|exploration|discussion|work|action|investment)
    | for\s(?:future|further)\sconsideration
    # may happen: "a corporate framework may be developed"
    | may\s(?:well\s|also\s)?be\s(?:developed|introduced|established|created|set\sup|built|launched|adopted|considered
                                  |explored|commissioned|extended|expanded|rolled\sout|written|produced|prepared|procured)
    # (not who does it: "it depends on the manager" says practice varies, `PARTIAL`)
    # (not a variation said in passing: "charts updated daily or weekly depending on the source")
    | (?:depends?|depending(?=\s{how_much}on\s(?:the\s|a\s|next\s|our\s)?(?:funding|budget|money|approval|outcome
                                                                     |results?|decision|elections?|bid|grant|vote)))
      \s{how_much}on\s(?!{who_depends})(?:funding|budget|the)
    | hinges?\son | hinging\son | would\sbe\s(?:the\s)?next\b
    | no\spromises | can't\spromise | cannot\spromise
    # someone's wish: "the Leader wants a Cohesion Strategy" (not "we want to", an intention: `Qualifier.FUTURE`)
    | (?<!\bwe\s)(?<!\bi\s)(?:wants|wanted)\s(?:a|an|the|us\sto|more)\b
    # ... or ours, of a thing rather than a step: "we want a public progress portal" (not "we want to publish it")
    | \b(?:we|i)\s(?:really\s|also\s|still\s)?want\s(?:a|an|more|some)\b
    | it\s(?:all\s)?depends(?!\s{how_much}(?:on\s)?(?:{who_depends}))
    | depend(?:s|ing)?\s{how_much}(?:on\s)?(?!{who_depends})(?:how|whether|what|who)
    # someone's will or money not yet given: "if the new council wants to", "if the chamber co-funds it"
    | if\s(?:\w+\s){1,4}(?:wants?\sto(?=\W*$)|agrees?(?=\W*$)|agrees?\sto|decides?\sto|says\syes
                          |(?:co-?)?funds?\s(?:it|this|that)|signs?\s(?:up|off)(?=\W*$))
    | in\s(?:early\s)?talks\b | (?:'ve|\shave|\shas|\shad)\s(?:\w+\s)?talked\sabout
    # talk, not decisions
    | (?:we|they|someone|somebody|it)\s(?:really\s)?(?:should|ought\sto) | keep(?:s)?\ssaying
    | keeps\s(?:talking|going\son)\sabout
    # an idea, not a decision: "the idea is to push responsibility out", "there's an idea for an investor conference"
    | (?:the\s|our\s|his\s|her\s|their\s|^)(?:idea|hope|dream|wish|ambition)\s(?:is|was|would\sbe)\s(?:to|a|an|for)\b
    | there(?:'s|\sis|\swas)\s(?:an?\s|some\s)?(?:idea|ideas|hope|wish)\s(?:for|to|of|that|about)\b
    | no\s(?:firm\s|formal\s|final\s|real\s)?(?:decision|approval|sign-?off)\b
    | (?:being|been|is|are|was)\s(?:talked\sabout|discussed|debated|floated|mentioned)
    | (?:comes?|keeps?)\scoming\sup | on\sthe\stable | in\sdiscussions? | under\sdiscussion
    # talk as a noun ("there's talk of a 3D model"), not the verb ("we use social media to talk about the plans")
    | (?:some|there'?s|there\sis|there\swas|been|lots\sof|a\slot\sof|much|loose|vague|only|just)\stalk\s(?:of|about)
    | (?:just|only|all|mostly|still)\s(?:talk|words|chat)\b(?!\s(?:to|with)\b)
    # "real-time personalisation is something we talk about"
    | (?:something|a\sthing|an\sidea|what)\s(?:we|they|people|everyone)\s(?:often\s|sometimes\s|keep\s)?talk(?:ed)?\s
      (?:about|of)
    | (?:candidates?|councillors?|politicians|parties|people|everyone|everybody|they)\s(?:all\s|keep\s)?talks?
      \s(?:about|of)
    | (?:been|are|we're|we\sare|they're)\s(?:\w+\s)?talking\s
      (?:(?:with|to)\s(?:[\w-]+\s){1,6}?)?(?:about|of)(?!\s(?:what's|what\sis)\snext)
    | (?:is|are|'s)\s(?:the|our)\s(?:20\d\d\s)?(?:target|goal|aim|ambition|end\sstate)\b | target\sstate\swould\sbe
    # floated, not decided: "a logic model was 'discussed'", "a board was proposed", "we've been discussing",
    # "we've chatted with the university about", "the opposition's manifesto promises"
    | (?:was|were|has\sbeen|have\sbeen|been)\s['"‘“]?(?:discussed|proposed|suggested|floated|mooted|raised)
    | (?:been|are|'re|still|currently|now)\s(?:\w+\s)?discuss?ing | manifesto
    # put forward, not decided: "the draft strategy proposes a properly resourced reuse programme"
    | propos(?:es|ing)\b
    # a proposal made is not a decision: "put together a lovely proposal in 2023 for smart street lighting", "there's a
    # proposal to merge the boards" (unless it was approved; not the public's proposals: "people vote on proposals")
    | (?:(?:put\stogether|drafted|wrote|written|prepared|drew\sup|drawn\sup|made|tabled)\s(?:a|an|the|our|their)
       |there(?:'s|\sis|\sare)\s(?:a|an|some))\s(?:[\w-]+\s){0,2}?proposals?\b
      (?![^.;]*\b(?:approved|accepted|adopted|agreed|funded|signed\soff|went\sthrough)\b)
    | chatted\swith | had\s(?:a\s)?(?:chat|coffee|conversation)s?\swith
    | nothing\s(?:concrete|firm|definite)
    | (?:no|not)\s(?:yet\s)?(?:decided|approved|budgeted|funded|scheduled|signed|agreed|committed)
)\b""".replace("{who_depends}", WHO_DEPENDS).replace("{who_does_it}", WHO_DOES_IT)
    .replace("{how_much}", _HOW_MUCH))
# Something in place that will stop.
_LOSS = _pattern(r"""\b(?:
      (?:will|'ll|is\sgoing\sto|are\sgoing\sto)\s(?:end|stop|close|lose|run\sout|expire|finish|be\scut|be\sscrapped
                                                  |be\sdropped|be\sdiscontinued|be\swound\sdown|be\sreduced
                                                  |be\sdissolved|be\sclosed|be\sabolished|be\sdisbanded
                                                  |be\s(?:switched|turned)\soff|be\sshut\sdown|be\swithdrawn)
    | no\s(?:budget|funding|money)\s(?:for\s(?:\w+\s){0,4})?(?:after|beyond)\s(?:that|it|then|20\d\d)
    | (?<!-)(?:ends?|ending|expires?|runs?\sout|closes?|(?<!due\sto\s)finish(?:es)?|stops?)\s
      (?:(?:in|by|at\sthe\send\sof|after)\s(?:20\d\d|next|this|the|year\send|spring|summer|autumn|winter
                                             |january|february|march|april|may|june|july|august|september
                                             |october|november|december)|next\s\w+)
    | (?:being|to\sbe)\s(?:cut|scrapped|dropped|discontinued|wound\sdown|phased\sout|dissolved|abolished|disbanded
                        |closed|reduced|withdrawn|switched\soff|turned\soff|shut\sdown|decommissioned|cancell?ed
                        |terminated|axed)
    # a decision already taken, said in the present: "the budget switches the platform off at the end of March"
    | (?:switch(?:es)?|turns?|shuts?)\s(?:the|our|it|them|this|that)\s(?:[\w-]+\s){0,3}?(?:off|down)\s
      (?:at\sthe\send\sof|in|from|after|by|next)\b
    | won't\sbe\s(?:renewed|continued|funded)
    | (?:dissolv(?:e|es|ing)|abolish(?:es|ing)?|disband(?:s|ing)?|scrap(?:s|ping)?|ax(?:e|es|ing)
      |(?:close|closes|closing|shut|shuts|shutting|wind|winds|winding)\sdown)\s(?:the|our|it|them|this|that)
    | (?:be|go|goes|going|fall|falls|falling|slip|slipping|it's|it\sis|we're|we\sare)\sback\sto
      # (not findings reported: "whose findings go back to the Place Board")
      (?!\s(?:the\s|our\s)?(?:[\w-]+\s){0,2}?(?:board|council|cabinet|committee|members|team|panel|partners
                                          |residents|public|communit(?:y|ies)|leadership|executive)\b)
    # a decision already taken that ends it at a date: "the board is abolished from April"
    | (?:is|are)\s(?:being\s)?(?:abolished|scrapped|cut|closed|disbanded|dissolved|wound\sdown|discontinued
                                |withdrawn|switched\soff|decommissioned)\s(?:from|in|at\sthe\send\sof|after|when)\s
    | (?:winds?|winding|wound|folds?|folding|folded)\s(?:it|them|the\s\w+|our\s\w+)\s(?:up|down|into)
    | being\swound\sup
    # a decision already taken that takes it away at a date: "the financial plan removes the ringfence from 2026"
    | (?:removes|cuts|ends|scraps|withdraws|drops|abolishes|stops)\s(?:the|our|its|their)\s(?:[\w-]+\s){0,3}?
      (?:from|in|at\sthe\send\sof|after)\s(?:20\d\d|next)
    | (?<![\w-])(?:deletes|removes|cuts)\s(?:the|our|his|her|its|that|this|their)\s(?:[\w-]+\s){0,2}
      (?:post|role|team|budget|fund)
    | slip(?:ping)?\sback | go(?:ing)?\sbackwards
    | (?:loses|losing)\s(?:the|its|our|their|his|her)\b
    | (?:becomes?|becoming)\s(?:advisory|optional|voluntary)\b
    # the money itself ends, not what someone with it can do: "has her own budget and can stop projects"
    | (?:funding|grants?|money|budgets?|contracts?|investment|subsidy|subsidies|ring-?fence)\b
      (?:(?!\b(?:and|or|but|can|could|may|might|to)\b)[^.,;]){0,30}(?<!-)(?<!\bby\s)(?<!\bthe\s)(?<!\bat\s)
      \b(?:ends?|runs?\sout|expires?|stops?|is\scut|was\scut)
)\b""")
# A piece of work that ends is done, not lost: "the register project finishes at the end of 2025", "the
# consultation closes in February", "the rollout will finish by spring". Its subject is the work itself.
_WORK_BEFORE = re.compile(
    r"\b(?:project|projects|consultation|rollout|roll-out|build|construction|installation|migration|"
    r"implementation|procurement|tender|phase|works?|survey|study|mapping|upgrade|refresh|audit|review|"
    r"recruitment|training|programme of work)\b(?:\s+[\w-]+){0,5}\s+(?:(?:will|'ll|is\sgoing\sto|should)\s+)?$",
    re.IGNORECASE,
)
# People named by what they lack or do not do: "households with no internet", "the groups that aren't online"
_PEOPLE = (r"(?:people|persons|residents|households|citizens|children|families|adults|pupils|students|homes|women|men"
           r"|seniors|kids|youth|those|groups?|neighbourhoods|areas|tenants|carers|migrants|refugees|newcomers)")
# Words that look negative but do not deny anything: "not only", "no longer just", "no big gaps", "no exceptions".
_NOT_ONLY = re.compile(
    r"\b(?:no|nothing|nobody|never|won't|wouldn't|doesn't|don't|can't|cannot|isn't|aren't)\b[^,.;:]{0,40}?\bwithout\b|"
    # "no dig goes ahead without a check", "the panel won't approve without a statement": always
    r"\bnot[-\s]for[-\s]profits?\b|\bnon[-\s]profits?\b|"  # a kind of organisation
    # a group of people named by what they lack: "young people without a qualification", "households with no internet"
    rf"\b{_PEOPLE}\s+(?:without|with\s+no|lacking)\b|"
    r"\bno\s+(?:[\w-]+\s+){0,2}(?:needed|required|necessary)\b|"  # "no login needed": made easy
    r"\bwithout\s+(?:needing|having)\s+to\b|"  # "one service without needing to know which dept does what": easy
    r"\bnot\s+the\s+only\s+ones?\b|"  # "we're not the only ones publishing": others do too
    # a loss denied keeps what is there: "nothing is being cut", "none of it will be stopped"
    r"\b(?:nothing|none\s+of\s+(?:it|this|them))(?:'s|\s+is|\s+are|\s+will\s+be|\s+gets?)\s+(?:being\s+)?"
    r"(?:cut|lost|stopped|dropped|ended|scrapped|closed|reduced|withdrawn)\b|"
    r"\bnot\s+in\s+(?:work|education|employment|training)\b|"  # "young people not in work or education": who
    r"\bnot\s+[\w-]+[-\s]only\b|"  # "digital by default but not digital only": more than one way
    r"\bnot only\b|\bno doubt\b|\bno matter\b|\bnot just\b|\bno exceptions?\b|"
    r"\b(?:no|not)\s+(?:any\s+)?longer\s+(?:just|only|simply|merely)\b|"  # "it's no longer just her team": it grew
    # a lesser description denied: "it's not ad hoc, it's policy", "no longer a pilot"
    r"\b(?:not|no\s+longer|never|isn't|aren't|wasn't)\s+(?:just\s+|only\s+|really\s+)?(?:an?\s+)?(?:ad[-\s]hoc"
    r"|pilots?|piecemeal|one-offs?|sporadic|occasional|patchy|trial"
    # ... or a lesser place for it: "the smart-city agenda isn't a side team any more", "no longer a niche project"
    r"|(?:side|niche|fringe|bolt-on|add-on|pet)(?:\s+(?:team|project|thing|show|issue|activity|topic|interest))?"
    r"|afterthought|hobby)\b(?!\s+(?:yet|either|even)\b)|"
    # a problem denied states the positive: "the skills audit found no critical gaps" (not a record of problems:
    # "no gap analysis", "no issues log")
    r"\bno (?:(?:big|major|significant|real|serious|critical|outstanding|remaining|known|material|obvious|red|amber"
    r"|open) )*"
    r"(?:gaps?|problems?|issues?|complaints?|backlogs?|concerns?|barriers?|failures?|shortfalls?|weaknesses"
    r"|bottlenecks?)\b"
    r"(?! (?:analysis|assessment|audit|register|log|list|review|report|map|mapping|tracker|process)\b)|"
    # looked and found none: "last review we couldn't find any real gaps"
    r"\b(?:could(?:n't|\s+not)|did(?:n't|\s+not)|can(?:'t|not)|don't|haven't)\s+(?:find|see|spot|identify|uncover)\s+"
    r"(?:any\s+)?(?:big\s+|major\s+|significant\s+|real\s+|serious\s+)?(?:gaps?|problems?|issues?|weaknesses)\b|"
    # "no" before something everybody wants to avoid is a good thing: "open standards, no lock-in"
    r"\b(?:no|without(?: any)?) (?:vendor |supplier )?(?:lock-?in|silos?|duplication|double entry|delays?|queues?"
    r"|paperwork|red tape|surprises|blind spots?|single point of failure|escalation|escalating|fuss|friction"
    # "handled across five departments without falling between stools", "without any problems"
    r"|(?:anything\s+|things\s+)?fall(?:ing|s)?\s+(?:between|through)|problems|issues|hiccups|a\s+hitch)\b|"
    # understatement denies sophistication, not the thing: "website, socials, nothing fancy" (but "nothing
    # fancy like visualisations" denies the visualisations)
    r"\b(?:nothing|not)\s(?:too\s|very\s|that\s|particularly\s|terribly\s)?(?:fancy|special|sophisticated|elaborate"
    r"|flashy|high-tech|cutting-edge|glamorous)\b(?!,?\s+(?:like|such\s+as|e\.?g\.?|as\s+in|with)\b)",
    re.IGNORECASE,
)
# The exception a rule makes: "applies to all council data unless there's a reason not to publish" (its denial is the
# exception's, not the rule's)
_EXCEPTION = re.compile(r"(?<=\w\w )\bunless\b[^,.;:]*", re.IGNORECASE)
# What did not work, dropped: "that's how we dropped the app nobody used", "we scrapped the reports no one read". It
# prunes; it stops nothing the clause is about.
_PRUNED = re.compile(
    r"\b(?:dropped|scrapped|stopped|retired|killed|binned|ditched|axed|cut)\s+(?:the\s+|an?\s+|our\s+|those\s+|some\s+)?"
    r"(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:(?:that|which)\s+)?(?:nobody|no\s+one|no-one|never)\s+\w+\b[^,.;:]*",
    re.IGNORECASE)
# What something is for, said with a negation: "a pooled fund so projects don't die between two budgets",
# "so that nothing falls between departments". The negation is the purpose, not a gap.
_PURPOSE_NEGATION = re.compile(
    r"(?<=\w\w )\bso\s+(?:that\s+)?(?!we\b|i\b)[^,.;:]*?\b(?:don't|doesn't|won't|can't|isn't|aren't|never"
    r"|no(?:thing|body)?)\b"
    r"[^,.;:]*", re.IGNORECASE)
# A denial inside a relative clause qualifies the noun before it, not the fact the clause states:
# "we dropped two measures that weren't working", "we evaluated the projects which didn't deliver"
# (but "a plan that hasn't been adopted" and "projects that don't have KPIs" deny the fact itself); so does
# "who can't" ("a phone line for people who can't go online"), but not "systems that can't talk to each other".
# What a document says we should do is its content, not a plan of the speaker's: "a procurement strategy approved in
# 2023 says we should move towards joint purchasing", "it lays out what we want to change on jobs"
_REPORTED_CONTENT = re.compile(
    r"\b(?:says?|said|states?|sets?\s+out|lays?\s+out|commits?\s+(?:us\s+)?to|describes?|explains?)\s+(?:that\s+|what\s+)?"
    r"(?:we|the\s+council|the\s+city|all|every|departments?)\s+(?:should|will|must|would|shall|'ll|want\s+to|need\s+to"
    r"|aim\s+to|plan\s+to)\b", re.IGNORECASE)
# Where we want to be, said as what a target or a document holds, not as a wish of the speaker's: "for each KPI we
# measured where we started and wrote where we want to be in 2030", "targets for how far we want to get by 2030"
_TARGET_CONTENT = re.compile(
    r"(?<=\w\s)(?:where|how\s+far)\s+(?:we|the\s+city|the\s+council)\s+(?:want|wants|aim|aims|hope|hopes|plan|plans)"
    r"\s+to\s+(?:be|get|reach)\b", re.IGNORECASE)
# "Considering an innovation route is mandatory": a gerund that names a step of a process, not an intention
_GERUND_STEP = re.compile(r"^\W*considering\b(?=[^,.;]*\b(?:is|are)\s+(?:mandatory|required|compulsory|standard"
                          r"|expected|routine|part\s+of)\b)", re.IGNORECASE)
_RELATIVE_DENIAL = re.compile(
    r"\b(?<=\w\w )(?:that|which|who)\s+(?:(?:was|were|is|are)n'?t \w+ing|(?:did|do|does)n'?t (?!have\b|exist)\w+)"
    r"\b[^,.;:]*|\b(?<=\w\w )who\s+(?:can'?t|cannot|can\s+not|couldn'?t|never|rarely|seldom)(?:\s+\w+)?\b[^,.;:]*"
    # who the people are: "targeted outreach to the groups that aren't online"
    rf"|(?<=\w\w\s){_PEOPLE}\s+(?:who|that)\s+(?:\w+ly\s+)?(?:aren'?t|are\s+not|isn'?t|is\s+not|don'?t|do\s+not)\s+\w+"
    r"\b[^,.;:]*"
    # what did not work, dropped or learnt from: "we evaluated it and dropped what didn't work"
    r"|\b(?<=\w\w )what\s+(?:(?:was|is)n'?t\s+\w+ing|(?:did|does)n'?t\s+(?!have\b|exist)\w+|(?:did|does)\s+not\s+\w+)\b"
    r"[^,.;:]*"
    # "the refresh dropped two projects whose benefits never showed up": what the projects were, not the refresh
    r"|\b(?<=\w\w )whose\s+[\w-]+\s+(?:never|didn'?t|did\s+not|weren'?t|wasn'?t)\s+\w+\b[^,.;:]*"
    # where it is done: "partnerships on agri-tech where there's basically no local market yet"
    r"|\b(?<=\w\w )where\s+(?:there(?:'s|\s+is|\s+are)\s+(?:still\s+|basically\s+|really\s+)?(?:no|little)\b"
    r"|none\s+exists?\b|[\w-]+(?:\s+[\w-]+)?\s+(?:don'?t|doesn'?t|do\s+not|does\s+not)\s+(?:yet\s+)?exist\b)[^,.;:]*",
    re.IGNORECASE,
)

# ... as does one with a subject of its own: "a pooled budget for cross-cutting projects that departments can't raid",
# "a dashboard that residents can't see" (what the public can't see is `matching._publicity_denied`'s business)
_OBJECT_RELATIVE_DENIAL = re.compile(
    r"\b(?<=\w\w )(?:that|which)\s+(?!there\b|it\b|this\b)(?:the\s+|our\s+|their\s+|other\s+)?[a-z][\w-]*\s+"
    r"(?:can'?t|cannot|don'?t|doesn'?t|won'?t|couldn'?t|didn'?t)\s+(?!have\b|exist)\w+\b[^,.;:]*",
    re.IGNORECASE,
)

# An aside on how the speaker says it, between commas: "which, it should be said, remains in draft", "it must be
# noted". Its own "should" or "must" is no plan and no hope.
ASIDE = re.compile(r"(?:^|,)\s*it\s+(?:should|must|has\s+to|needs\s+to)\s+be\s+(?:said|noted|acknowledged|admitted"
                   r"|stressed|recognised|recognized|emphasi[sz]ed|pointed\s+out)\s*(?:,|$)"
                   # an example announced: "we have no single view of, say, all our small-business customers"
                   r"|,\s*(?:say|for\s+example|for\s+instance)\s*,", re.IGNORECASE)
# A modal inside a question the clause embeds is not the clause's own tense or hope: "we use it to show people
# what the neighbourhood will look like", "we model how a flood might spread" state what is done now (but
# "what we will do is publish" and "and how it will work" begin the clause).
_EMBEDDED_MODAL = re.compile(
    r"(?<=\w\w )(?<!\band )(?<!\bbut )(?<!\bor )(?<!\bso )\b(?:what|how|where|whether|which)\s+"
    r"(?:[\w'-]+\s+){0,5}?(?:will|\w*'ll|would|might|could|(?:is|are)\s+going\s+to)\s+\w+",  # "where we'll put money"
    re.IGNORECASE,
)

# What a fact is about, not its tense or scope: a time's own artefact ("the evaluation feeds into next year's
# plan" is a yearly habit) and a pilot that was reviewed ("evaluation of the reuse-shop pilots fed into the
# policy": the evaluation is the fact).
_NOUN_COMPLEMENT = re.compile(
    r"\b(?:next|this|last|each|every)\s+(?:year|month|quarter|term|budget)'s\b|"
    # ... said without the apostrophe: "the results go into next year delivery plan"
    r"\b(?:next|this|last|each|every)\s+(?:year|month|quarter|term)\s+(?!(?:the|a|an|our|their|its)\s)(?:[\w-]+\s+)?"
    r"(?:plan|budget|programme|program"
    r"|report|cycle|strategy|round|review)s?\b|"
    r"\b(?:evaluations?|reviews?|lessons|learning|results|findings|outcomes|success)\s+(?:of|from)\s+"
    r"(?:the\s+|our\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?pilots?\b",
    re.IGNORECASE,
)


# Something that was in place and has stopped: "we used to have a data board", "back in 2016 we had ...",
# "it lapsed", "the panel was disbanded in 2022". Not in place now, nor in two years. A thing replaced by a
# newer one ("the old portal was switched off and replaced by ...") is not this.
DISCONTINUED = _pattern(r"""\b(?:
      used\sto\s(?:have|be|run|do|publish|hold|meet|track|report|produce|send|get|share)
    | back\sin\s(?:19|20)\d\d\s?(?:-|–|to)\s?(?:19|20)?\d\d
    | back\s(?:in\s(?:the\sday|(?:19|20)\d\d)|when)\b[^.;]{0,40}?\b(?:we\shad|there\s(?:was|were)|we\sran)
    # "we had a Smart City Programme Director from 2019 to 2023"
    | (?:we\shad|there\s(?:was|were)|we\sran)\b[^.;]{0,80}?\bfrom\s(?:19|20)\d\d\s?(?:to|until|till|-|–)\s?(?:19|20)\d\d
    | stopped\s(?:meeting|running|working|publishing|updating|reporting|being\sused)
    | lapsed | defunct | mothballed | descoped | de-scoped | fizzled\sout | petered\sout | fell\saway | went\sdormant
    # it stopped going: "the partnership with the university stalled in 2023 when the funding ended"
    | (?:stalled|ground\sto\sa\shalt|went\snowhere|fell\s(?:through|apart)|collapsed|folded)\b(?!\s(?:up|into)\b)
    # a thing, not a person: "the 'you said, we did' page died after one update"
    | (?:page|site|website|scheme|initiative|programme|program|project|group|forum|panel|app|dashboard|partnership
       |network|board|it|that|this|which)\s(?:just\s|quietly\s|basically\s|soon\s)?died\b
    | (?:funding|money|grant|budget)\s(?:ended|ran\sout|dried\sup|was\scut|stopped)
    # gone since: "that was a one-off and the team has since left"
    | (?:has|have)\ssince\s(?:left|gone|moved\son|lapsed|stopped|ended|folded|been\s(?:dropped|scrapped|disbanded|cut
                                                                                   |abolished|closed))
    # done until a time now past: "the library ran computer classes until 2020"
    | (?:ran|had|held|offered|provided|operated|funded|existed|lasted)\b[^.;]{0,60}?\buntil\s(?:(?:19|20)\d\d|recently
                                                                                      |last\syear)\b
    # someone ended it: "the CEO scrapped the quarterly performance review last year"
    | (?:scrapped|axed|abolished|disbanded|shelved|discontinued|cancell?ed|dropped)\s(?:the|our|its|their|his|her|that
                                                                                     |this|all)\b
    | (?:was|were|has\sbeen|have\sbeen|got)\s(?:then\s|quietly\s)?(?:dropped|scrapped|cancell?ed|stopped
      |wound\s(?:up|down)|closed(?:\sdown)?|cut|axed|dissolved|disbanded|abolished|decommissioned|switched\soff|turned\soff|abandoned
      |shelved|discontinued|left\sto\slapse|deleted|removed|frozen|mothballed|retired|paused|zeroed
      |withdrawn|rescinded|revoked|repealed|suspended
      |pulled|killed|binned|canned)
    | (?:cut|reduced)\sto\szero
    # "we were trying to get telcos into a partnership but that's dead now"
    | (?:it|that|this|they|which)(?:'s|\sis|\swas|'re|\sare|\swere)\s(?:now\s|basically\s|pretty\smuch\s)?dead\b
    # (not what it stopped being: "it stopped being the digital team's thing" is a change, not an end)
    | (?:it|that|this|they|which)\s(?:just\s)?(?:stopped(?!\sbeing\b)|ended|died|lapsed|ran\sout|expired)
    # "it met twice in 2019 and then just stopped"
    | then\s(?:just\s|simply\s|quietly\s)?(?:stopped(?!\sbeing\b)|ended|died|lapsed|fizzled\sout|petered\sout)
    # stopped at a time gone by: "library classes stopped in 2022", "the forum ended a year ago"
    # ... or ended by someone then: "the library cut the computer sessions in 2020"
    | (?:cut|scrapped|closed|dropped|axed|ended|stopped|withdrew|abolished|disbanded|cancell?ed)\s(?:the|its|our|their
                                                                                              |his|her)\s
      # (not a measure brought down: "we cut the waiting time last year")
      (?!(?:[\w-]+\s){0,2}?(?:time|times|costs?|emissions|rates?|numbers?|backlogs?|queues?|waits?|spend|bills?|carbon
                            |energy|use|usage|consumption|delays?|errors?|waste)\b)
      (?:[\w-]+\s){0,3}?(?:in\s(?:19|20)\d\d|last\s(?:year|month|spring|summer|autumn|winter)
                       |(?:a|one|two|three|\d+)\s(?:years?|months?)\sago|years\sago)
    | (?:stopped|ended|ceased|died)\s(?:in\s(?:19|20)\d\d|last\s(?:year|month|spring|summer|autumn|winter)
                                    |(?:a|one|two|three|\d+)\s(?:years?|months?)\sago|years\sago)
    | (?:we\shad|there\s(?:was|were)|we\sran|we\sused)\b[^.;]{0,60}?\b(?:until|till|til)\s
      (?:last|recently|(?:19|20)\d\d)
    # in few words, at the end: "..., post deleted.", "..., scheme scrapped"
    | (?<=,\s)(?:the\s|our\s|its\s|their\s)?[\w-]+\s(?:deleted|scrapped|axed|disbanded|abolished|cancell?ed|dropped
                                                     |mothballed|binned)(?=\s*[.;!]?\s*$)
    | (?:no|not|n't)\b[^.;]{0,40}\b(?:any\s?more|any\slonger)
)\b""")
# ... unless something took its place ("replaced by the new strategy"; not "nobody replaced it")
_REPLACED = _pattern(r"\b(?<!nobody\s)(?<!never\s)(?<!not\s)(?<!n't\s)(?<!n't\sbeen\s)"
                     r"(?:replaced|superseded|succeeded|in\sfavou?r\sof|instead)\b")


# A name or motto in quotes ("our 'Leave No One Behind' plan", "'digital by default, never digital only'"):
# its words are the name's, not the speaker's. A clause may end before the closing quote. Quoted speech with a
# person in it ("staff say 'nobody tells us the targets'"), or after a verb of saying ("procurement says they'll
# 'see how it goes'"), is the speaker's report and keeps its words.
_QUOTED = re.compile(
    r"(?<!\w)'(?=\w)(?:[^'\n]|(?<=\w)'(?=\w))*(?:'(?!\w)|$)"  # straight single quotes, apostrophes inside
    r'|"[^"\n]*(?:"|$)|“[^”\n]*(?:”|$)|‘(?:[^’\n]|(?<=\w)’(?=\w))*(?:’(?!\w)|$)'
)
_PERSON_IN_QUOTE = re.compile(r"\b(?:i|i'm|we|we're|us|our|you|your|they|them|their|my|me)\b", re.IGNORECASE)
_SAYING_BEFORE = re.compile(r"\b(?:says?|said|told|tells?|ask(?:s|ed)?|repl(?:y|ies|ied)|answer(?:s|ed)?|put\s+it"
                            r"|reckons?|thinks?|wr[io]tes?|quote)\b[\s,:]*(?:[\w'’]+[\s,:]+){0,2}$", re.IGNORECASE)
NAME_WORDS = 8  # a quoted span longer than this is speech, not a name


def _without_quoted_names(text: str) -> str:
    def neutral(match: re.Match[str]) -> str:
        quoted = match.group(0)
        is_name = (len(quoted.split()) <= NAME_WORDS and not _PERSON_IN_QUOTE.search(quoted)
                   and not _SAYING_BEFORE.search(text, 0, match.start()))
        return " named " if is_name else quoted

    return _QUOTED.sub(neutral, text)


# A measured share of the people ("around 12% of residents are offline or lack basic digital skills", "only 18% of
# our residents use the app"): a statistic about them, neither an absence nor a partial scope of what the city does
_STATISTIC = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:%|per\s?cent)\s+of\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:residents|people"
    r"|households|citizens|users|adults|population|pupils|businesses|customers|visitors|over-\d+s|older\s+people)\b",
    re.IGNORECASE,
)


# Something put off, or left without money: "the shared platform is longer term", "the long-term dream", "years
# off", "down the line", "unfunded", "no budget for that", "exec deferred it", "would be cool"
_DEFERRED = _pattern(r"""\b(?:
      (?:is|are|'s|'re|remains?)\s(?:a\s|the\s|more\s|much\s)?(?:longer|long)[-\s]term\b
    | (?:long[-\s]term|distant)\s(?:dream|hope|wish|ambition|aspiration)
    | (?:years|way|some\sway)\soff | down\sthe\s(?:line|road|track)
    | (?:comes?|happens?|starts?|is\splanned|is\sscheduled|will\scome)\s(?:only\s)?after\s20\d\d
    | for\s(?:after|beyond)\s20\d\d
    # a later phase, set after a year: "Moving onto a shared platform is phase 2, after 2028"
    | (?:phase|stage|tranche)\s(?:\d|two|three|four|ii|iii)\W+(?:only\s)?after\s20\d\d
    | unfunded | not\s(?:yet\s)?(?:resourced|costed)  # "not funded" is `_UNCOMMITTED`'s already
    | (?:isn't|aren't|wasn't)\s(?:yet\s)?(?:funded|budgeted)
    | no\s(?:money|budget|funding)\s(?:for|to)\b
    | deferred | postponed | shelved | on\shold | parked
    # unused: "it's a document in a drawer", "the plan is gathering dust on a shelf"
    | in\sa\sdrawer | (?:gathering|collecting)\sdust | (?:sits?|sitting|sat|left)\son\sa\sshelf
    # not decided yet: "new corporate vision - TBC", "an engagement framework - explore 2025/26"
    | tbc | tbd | to\sbe\s(?:confirmed|decided|determined) | explore\s(?:in\s)?(?:20\d\d|next|q[1-4]|later)
    | would\sbe\s(?:cool|amazing|brilliant|fantastic|awesome|the\sstep\safter)
    | (?:step|phase)\safter\sthat
    # "Development of a logic model is proposed for a later phase"
    | (?:for|in|until)\s(?:a\s|some\s)?later\s(?:phase|stage|date|year|point|round|tranche)
)\b""")


# A rule said with two negations: "nothing gets bought without TDA sign-off", "no scheme goes ahead without a
# business case", "never without a DPIA"
_RULE_OF_TWO_NEGATIONS = re.compile(r"\b(?:nothing|nobody|no\s+one|no\s+[\w-]+|never|none)\b[^.;,]{0,60}?\bwithout\b",
                                    re.IGNORECASE)


# What a plan lacks, said in a sentence of its own: "No budget, no date.", "No owner, no budget.", "No money set aside,
# no date, no officer assigned yet.", "none of it is committed", "nobody's promised" (not "she has no budget and no
# seat at the table", today's lack)
_NOTHING_COMMITTED = _pattern(r"""(?:^|(?<=[.;!]\s))\W*
    (?:(?:and|but|so|still|realistically|honestly|frankly|tbh)\W+){0,2}(?:
      (?:(?:no|zero)\s(?:budget|date|dates|owner|money|funding|timescales?|timelines?|sponsor|resources?|officer
                        |business\scase|decision|commitment)
         (?:\s(?:set\saside|assigned|agreed|identified|attached|allocated|yet|either))*[\s,;&]*(?:and\s)?)+
    | (?:none\sof\s(?:it|this|that)|nothing)(?:'s|\sis|\shas)?(?:\sbeen)?\s(?:yet\s)?{committed}
       (?:,?\s(?:or|and|nor)\s(?:yet\s)?{committed})*(?:\s(?:yet|either|so\sfar|as\syet))?
    | (?:nobody|no\sone)(?:'s|\shas)\s(?:promised|committed)
    # the whole of it left open: "So honestly it depends.", "Who knows."
    | it\s(?:all\s)?depends | who\sknows
)\W*$""".replace("{committed}", r"(?:committed|promised|agreed|funded|signed\soff|approved|decided|budgeted|scheduled"
                                   r"|contracted|dated)"))


_PLAN_ONLY = re.compile(r"\b(?:date|dates|owner|timescales?|timelines?|sponsor|commitment|committed|promised)\b",
                        re.IGNORECASE)


def lacks_commitment(text: str) -> bool:
    """Whether the text ends with a sentence that says only what a plan lacks ("... No owner, no budget."): two lacks
    or more, or one only a plan has (a date, an owner); a lone "no budget" may be today's."""
    found = _NOTHING_COMMITTED.search(text.replace("’", "'"))
    if found is None:
        return False
    said = found.group(0)
    return (len(re.findall(r"\b(?:no|zero)\s", said, re.IGNORECASE)) >= 2 or bool(_PLAN_ONLY.search(said))
            or bool(_NOTHING_OF_IT.search(said)))  # "Nothing's been approved.": `nothing_committed_said`'s reading


_NOTHING_OF_IT = re.compile(r"\b(?:none\s+of\s+(?:it|this|that)|nothing|it\s+(?:all\s+)?depends|who\s+knows)\b",
                            re.IGNORECASE)


def nothing_committed_said(text: str) -> int | None:
    """Where the text's last sentence starts, if it says that none of the plans told is committed ("Nothing's been
    approved.", "None of it is funded."): it is said of every plan told just before it, not the last one only."""
    found = _NOTHING_COMMITTED.search(text.replace("’", "'"))
    return found.start() if found is not None and _NOTHING_OF_IT.search(found.group(0)) else None


# The speaker's own guess at the level: "I'd put us at level 4", "Probably a 2, maybe a 3", "5/5 honestly", "we're a
# solid 3 here". A judgement, not a fact: the level follows the facts, so the guess is no evidence either way (and its
# "maybe" hedges nothing around it). Not a number that counts something ("a 2,000-strong panel", "a 3 yr plan").
_SELF_RATING = _pattern(r"""
      \b(?:level|lvl)\s?[1-5](?:\s?(?:-|–|or|to|/)\s?[1-5])?\b(?![.,]\d)
    | \b(?:an?|solid|strong|weak|low|high|generous|harsh)\s[1-5](?:\.5)?(?:\s?(?:-|–|or|to|/)\s?[1-5])?(?![.,]?\d)
      (?=\s*(?:[,.!?;:)—–]|-(?![\w-])|$|or\b|maybe\b|at\s(?:least|most|best)\b|on\s(?:this|that|it)\b|here\b
              |for\s\w+\b|easily\b|to\sbe\b|tops\b|honestly\b|tbh\b|now\b|i\s(?:think|reckon|guess|suppose)\b|if\b|really\b
              |probably\b|possibly\b|overall\b|either\sway\b))
    | \b[1-5]\s?/\s?5\b | \b[1-5]\sout\sof\s(?:5|five)\b""")


# ... with the words that frame it: "so level 3 probably", "I'd put us at a 4 to be fair", "we're probably only a 2"
_GUESS_BEFORE = (r"(?:\b(?:so|and|but|which\s+makes\s+(?:it|us)|i'd\s+say|i\s+would\s+say|i\s+think|i\s+reckon"
                 r"|i\s+guess|probably|prob|maybe|perhaps|we're|we\s+are|we'd"
                 r"|i'd\s+(?:put|call|rate|give)\s+(?:us|it)(?:\s+at)?"
                 r"|call\s+(?:it|us)|basically|definitely|only|at|say|now|currently|today|easily|well\s+past)\W+)*")
_GUESS_AFTER = (r"(?:\W+(?:probably|maybe|i\s+think|i'd\s+say|at\s+least|at\s+most|at\s+best|on\s+this|here|now|today"
                r"|tbh|honestly|easily|to\s+be\s+fair|i\s+reckon|for\s+us))*\W*")
_MIN_FACT_WORDS = 2  # what is left of a clause without its guess, to be a fact of its own ("published vision")


def is_a_self_rating(text: str) -> bool:
    """Whether a clause gives the speaker's own guess at the level (`_SELF_RATING`)."""
    return bool(_SELF_RATING.search(text))


def _without_the_guess(text: str) -> str:
    """The clause without the guess at the level and the words that frame it: "We have a live wellbeing dashboard so
    level 5 probably?" says "We have a live wellbeing dashboard"."""
    guess = _SELF_RATING.search(text)
    if guess is None:
        return text
    start = re.search(_GUESS_BEFORE + r"$", text[:guess.start()], re.IGNORECASE)
    end = re.match(_GUESS_AFTER, text[guess.end():], re.IGNORECASE)
    return (text[:start.start() if start else guess.start()] + " "
            + text[guess.end() + (end.end() if end else 0):]).strip()


def qualifiers(text: str) -> frozenset[Qualifier]:
    """The qualifiers a clause carries: negation, future/planned (hoped for), partial scope, or a loss."""
    if is_a_self_rating(text):  # the guess is no evidence; what else the clause says is read without it
        rest = _without_the_guess(text.replace("’", "'"))
        if len(re.findall(r"[^\W\d_]{3,}", rest)) < _MIN_FACT_WORDS or is_a_self_rating(rest):
            return frozenset({Qualifier.UNSURE})
        text = rest
    cleaned = _cleaned(text.replace("’", "'"))
    # a quoted name lends no negation or scope ("our 'Leave No One Behind' plan"); a quoted phrase of time or
    # hope keeps its sense ("a strategy has been 'in the pipeline' for 2 years")
    unquoted = _without_quoted_names(text)
    named = cleaned if unquoted == text else _cleaned(unquoted.replace("’", "'"))
    affirmed = _without_negated_conditions(_RULE_OF_TWO_NEGATIONS.sub(" every ", named))  # "nothing gets bought
    # without TDA sign-off": a rule
    found = {q for q, pattern in _QUALIFIER_PATTERNS.items()
             if pattern.search(affirmed if q == Qualifier.NEGATED else named if q == Qualifier.PARTIAL else cleaned)}
    if _STATISTIC.search(cleaned):  # "12% of residents lack basic digital skills": a measure of the people
        found -= {Qualifier.NEGATED, Qualifier.PARTIAL}
    if DISCONTINUED.search(cleaned) and not _REPLACED.search(cleaned):
        found.add(Qualifier.NEGATED)
    if _UNSURE.search(cleaned) or _SOMEONE_ELSES.search(cleaned) or (_OTHER_PLACES.search(cleaned)
                                                                     and not _US.search(cleaned)):
        found.add(Qualifier.UNSURE)
    if _UNCOMMITTED.search(cleaned):
        found |= {Qualifier.UNCOMMITTED, Qualifier.FUTURE}  # a hope is a plan, and not a firm one
    if _DEFERRED.search(cleaned) or lacks_commitment(cleaned):
        found |= {Qualifier.UNCOMMITTED, Qualifier.FUTURE}  # put off past the horizon: not a commitment either
    if _says_loss(cleaned):
        found |= {Qualifier.LOSS, Qualifier.FUTURE}
    return frozenset(found)


# A condition after what is done, with a negation of its own: "They can stop projects when they are not aligned with
# the strategy", "we step in if targets aren't met". The negation is the condition's, not the fact's.
_NEGATED_CONDITION = re.compile(r"\s(?:when|whenever|if)\s+(?:[\w'-]+\s+){0,4}?(?:no|not|never|\w+n't)\b",
                                re.IGNORECASE)
_FACT_WORDS_BEFORE = 3


def _without_negated_conditions(text: str) -> str:
    found = _NEGATED_CONDITION.search(text)
    if found is None or len(text[:found.start()].split()) < _FACT_WORDS_BEFORE:
        return text
    return text[:found.start()]


# A contrast of two kinds of one thing: "bids evaluated on whole-council value not departmental value". The "not"
# sets aside the second kind; the clause states the first.
# Not a contrast of pronouns: "services designed for them, not with them" denies the "with".
_PARALLEL_CONTRAST = re.compile(
    r"\b(?!(?:them|they|us|we|it|you|him|her|me|this|that|these|those)\b)([a-z][\w-]*),?\s+not\s+((?:[\w-]+\s+){1,2})\1\b",
    re.IGNORECASE)


def _cleaned(text: str) -> str:
    """The clause without the words that look like qualifiers and are not ("not only", "so that nothing ...",
    "next year's plan", "unless there's a reason not to")."""
    cleaned = _EXCEPTION.sub(" ", _PURPOSE_NEGATION.sub(" ", _NOT_ONLY.sub(" ", _PRUNED.sub(" ", text))))
    cleaned = _PARALLEL_CONTRAST.sub(r"\1", _NOUN_COMPLEMENT.sub(" ", cleaned))
    cleaned = _OBJECT_RELATIVE_DENIAL.sub(" ", _REPORTED_CONTENT.sub(" ", _GERUND_STEP.sub(" ", cleaned)))
    cleaned = _TARGET_CONTENT.sub(" ", cleaned)
    return _EMBEDDED_MODAL.sub(" ", _RELATIVE_DENIAL.sub(" ", ASIDE.sub(" ", cleaned)))


# A problem said to be there: "the gaps are big", "some gaps remain", "significant skill shortages" (not "no big
# gaps", "only minor gaps", "the gaps are closed")
_PROBLEM_STATED = re.compile(
    r"(?<!\bno\s)(?<!\bfew\s)(?<!\bany\s)\b(?:big|major|significant|serious|real|large|huge|critical|many|some"
    r"|obvious|glaring|clear|key|important)\s+(?:[\w-]+\s+)?(?:gaps|shortages)\b"
    # a note's label and value: "Gaps - significant, commercial & data especially", "skills gaps: major"
    r"|\b(?:gaps?|shortages?)\s*[-–:]\s*(?:big|major|significant|serious|large|huge|critical|many|some|obvious"
    r"|glaring|several|lots)\b"
    r"|\b(?:gaps?|shortages?)\s+(?:are|is|remain|exist|persist)\b(?!\s+(?:now\s+)?(?:closed|filled|being|small|minor"
    r"|few|narrowing|shrinking|gone|covered|plugged))",
    re.IGNORECASE)


def states_a_problem(text: str) -> bool:
    """Whether a clause says a problem is there ("frankly the gaps are big"), not that it is gone or small."""
    return bool(_PROBLEM_STATED.search(_cleaned(text.replace("’", "'"))))  # not one denied ("couldn't find any")


# The one thing missing, named as such: "What we don't do is formal impact evaluation", "what's missing is ..."
_THE_ONE_GAP = re.compile(
    r"^\W*(?:(?:but|and|so)\s+)?(?:what\s+(?:we|i|the\s+council|the\s+city|they)\s+(?:still\s+)?(?:don't|do\s+not"
    r"|haven't|have\s+not|can't|cannot|never|lack|are\s+missing|'re\s+missing)\b"
    r"|what(?:'s|\s+is)\s+(?:still\s+)?missing\s+is"
    r"|the\s+(?:only\s+|one\s+|main\s+)?(?:gap|thing\s+missing|missing\s+piece|thing\s+we\s+lack)\s+is)", re.IGNORECASE)


def names_the_one_gap(text: str) -> bool:
    """Whether a clause names what is missing as the one thing missing ("What we don't do is formal impact
    evaluation"), not as one denial among others ("there's no formal impact evaluation")."""
    return bool(_THE_ONE_GAP.search(text))


# A problem that ends is solved, not lost: "I don't expect the gaps to be closed in two years".
_PROBLEM_BEFORE = re.compile(
    r"\b(?:gaps?|backlogs?|deficits?|shortfalls?|shortages?|loopholes?|problems?|issues?|vacanc(?:y|ies)|bottlenecks?)"
    r"\b(?:\s+[\w-]+){0,3}\s+$", re.IGNORECASE)


# A loss denied: "nothing is being cut", "none of it will be stopped", "the hub won't be closed"
_LOSS_DENIED = re.compile(r"\b(?:nothing|none|no|not|never|n't)\b(?:\s+[\w']+){0,3}\s*$", re.IGNORECASE)


def _says_loss(text: str) -> bool:
    return any(not _WORK_BEFORE.search(text, 0, match.start()) and not _PROBLEM_BEFORE.search(text, 0, match.start())
               and not _LOSS_DENIED.search(text, 0, match.start()) for match in _LOSS.finditer(text))


def qualifies_against(clause_marks: frozenset[Qualifier], phrase_marks: frozenset[Qualifier]) -> bool:
    """Whether a clause says a condition phrase is *not* (fully) the case: the clause carries a negation,
    a plan or a partial scope that the phrase does not. ("We don't have KPIs" against "kpis for each
    objective"; but "every tender goes through central procurement" is not against "no central
    procurement": it goes beyond it.)"""
    clause_negated = Qualifier.NEGATED in clause_marks or Qualifier.FUTURE in clause_marks
    phrase_negated = Qualifier.NEGATED in phrase_marks or Qualifier.FUTURE in phrase_marks
    if phrase_negated:
        return False
    return clause_negated or (Qualifier.PARTIAL in clause_marks and Qualifier.PARTIAL not in phrase_marks)


def polarity_agrees(clause_marks: frozenset[Qualifier], phrase_marks: frozenset[Qualifier]) -> bool:
    """Whether a clause says the same kind of thing as a condition phrase, qualifiers included.

    "We don't have a vision" agrees with the level-1 cue "we don't have a vision" but not with the
    level-2 cue "we have a vision"; "a few pilots" agrees with a level-2 cue "pilot projects" but not
    with a level-4 condition "across the whole city". A denied share ("not every department follows the IT
    standards": the standards exist) agrees only with a denied share, not with an absence ("there's no
    inventory").
    """
    clause_negated = Qualifier.NEGATED in clause_marks or Qualifier.FUTURE in clause_marks
    phrase_negated = Qualifier.NEGATED in phrase_marks or Qualifier.FUTURE in phrase_marks
    if clause_negated != phrase_negated:
        return False
    if phrase_negated and Qualifier.PARTIAL in phrase_marks and Qualifier.PARTIAL not in clause_marks:
        return False
    return not (Qualifier.PARTIAL in clause_marks and Qualifier.PARTIAL not in phrase_marks and not phrase_negated)


_NO_CHANGE = re.compile(
    r"\b(?:same as (?:now|today|it is|where we are)|no (?:real |big )?change|more of the same|"
    r"(?:stays?|remains?|staying|remaining) (?:the same|as (?:it )?is|where (?:we|it) (?:is|are)|put|unchanged)|"
    r"(?:won't|will not|don't think (?:it|that|much) will|not going to) (?:really )?change|"
    r"(?:don't|do not|can't|cannot) see (?:it|that|this|much|anything) changing|nothing (?:much )?will change|"
    r"(?:not|no) much (?:will )?change|nothing new (?:is |has been )?planned|no new plans|"
    # "I wouldn't expect a change", "we don't anticipate much movement"
    r"(?:wouldn't|would not|don't|do not|doesn't|does not) (?:really |honestly )?(?:expect|anticipate|foresee|predict)"
    r" (?:a |any |much |anything |any real |a big |big |major |a major |a real )?(?:change|movement|progress)|"
    # "I'd expect us to be where we are now", "So probably where we are today"
    r"(?:be|stay|remain|end up|probably|still|roughly|about|pretty much)\s+where\s+we\s+are(?:\s+(?:now|today))?|"
    # "probably the same.", "realistically same", "Same next year.": "same" that ends what is said
    r"same(?=\s*(?:[.!;]|$|next year|in two years|then\b|again\b|unless\b|i (?:guess|think|suspect|expect)))|"
    # "So same place in two years", "the same position as today"
    r"same (?:place|position|spot|situation|level) (?:in two years|as (?:now|today)|then|by then|next year)"
    # the level said to stay: "We'll probably still be at 2.", "Realistically still 1 in two years"
    r"|(?:still|stay|remain|staying|remaining)\s+(?:be\s+)?(?:at\s+)?(?:a\s+|level\s+|lvl\s+)?[1-5]"
    r"(?=\s*(?:[.!;,]|$|in\s+(?:two|2)\s+years|then\b|by\s+then|unless\b|i\s+(?:guess|think|suspect|expect)"
    r"|realistically|probably|tbh|honestly))"
    r"|(?:in|at) the same (?:place|position|spot) (?:in two years|as (?:now|today)|then|by then))\b",
    re.IGNORECASE,
)


def says_something_is_lost(text: str) -> bool:
    """Whether an answer says something in place will stop ("the grant ends next June", "we slip back")."""
    return _says_loss(text.replace("’", "'"))


def says_no_change(text: str) -> bool:
    """Whether a two-year answer says things will stay as they are ("same as now", "no change")."""
    return bool(_NO_CHANGE.search(text.replace("’", "'")))
