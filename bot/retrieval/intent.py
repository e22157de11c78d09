"""What a question asks for, besides guidance: a fact, a chore, a price, a vendor. No standard answers these.

Every pattern is about the shape of the question in everyday language (who, when, how much, "translate
this", "is ISO 37120 free?", "Arup or Deloitte?"), not about its subject: the subject is the retriever's
business. A stated need ("how do we ...", "is there guidance ...") keeps a question a request for guidance.
"""

from __future__ import annotations

import re

from bot.retrieval.asking import split_at_the_ask
from bot.retrieval.guidance_request import seeks_guidance_by_name
from bot.words import FUNCTION_WORDS

# Where a question starts: the message's start or a new sentence's, after a greeting or a lead-in ("Quick one –",
# "Honestly,", "Question:"), so that "Quick one – who owns ...?" starts at "who".
_START = (r"(?:^|[.!?]\s+|\s[–—]\s*|\s-\s+|:\s+)\s*"
          r"(?:(?:and|so|hi|hey|please|pls|honestly|ok|okay|btw|also|quick\s+one|quick\s+q|question|q)\b[,:]?\s*"
          r"(?:[–—-]\s*)?)*")

# A day of the week as people abbreviate it in a diary: "Wed", "Thurs", "Friday" (not "monthly", "satisfaction")
_WEEKDAY = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\b"
_CLOCK_TIME = r"\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm)\b"
# A level given to a topic, as both a stated need's exceptions and `_ABOUT_SOMETHING_ELSE` read it: "put us at a 2",
# "score ourselves level 3", "rate the data platform 4"
_LEVEL_VERBS = r"put|give|score|rate|mark|record|enter|pick|choose|say"
_RATED = r"us|it|this|that|ourselves|myself|me|(?:the|our)\s+[\w-]+(?:\s+[\w-]+)?"
_A_LEVEL = r"(?:(?:as|at|down\s+as)\s+)?(?:an?\s+|level\s+)?[1-5]"

# A question that looks up a fact (a date, a person, a number, a price, today's reading) asks about the
# world, not for guidance on running a city: no standard answers it, however many of the model's words it
# uses ("When is the next full council meeting?", "What's Barcelona's waste target per resident?").
_FACT_LOOKUP = re.compile(
    r"""{start}(?:
          (?:when|what\s+time|what\s+days?|what\s+dates?)\b
        | who\s+(?:is|was|are|were|won|runs|supplies|leads|heads|chairs|did|said|announced)\b | who(?:'s|’s)\s
        # a colleague: "who on the team is filling in the resilience rows?", "who in our team is responsible for ..."
        | who\s+(?:on|in|from)\s+(?:the|our|my|your)\s+(?:[\w-]+\s+)?(?:team|group|office|department|unit
                                                                  |directorate|service)\s+(?:is|are|was|were|has
                                                                                              |will|does|can)\b
        # who did something: "who filled in the benefit tracking section?", "who signed it off?"
        | who\s+(?!has\b|have\b)(?:\w+\s+)?(?:\w{2,}(?<!e)ed|wrote|gave|made|took|sent|put|set|ran|got|came\s+up
                                           |thought\s+up)\b
        | how\s+many\s+(?:people|residents|inhabitants|citizens|days|hours|times|employees|staff|visitors|cars)\b
        | how\s+(?:much|many)\b[^?]*\b(?:i|my|me)\b
        | how\s+much\s+(?:does|do|is|are|did|was|will)\b[^?]*\b(?:cost|charge|pay|earn|fine)\b
        | where\s+(?:is|are|(?:can|do)\s+i(?!\s+(?:start|begin|look|find|go\s+for)\b)|does)\b
          (?![^?.]*\b(?:defined|described|set\s+out|explained|specified|covered|documented)\b)  # = which document
        | how\s+(?:do|can|should)\s+i\s+(?:change|pay|apply|renew|register|book|report|appeal|cancel|contact
                                       |get\s+(?:a|my)|find\s+(?:a|my))\b
        | what(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+|our\s+|their\s+|today'?s\s+|\w+(?:'s|’s)\s+)?
          # "what's Port Elvane's household recycling rate"; not "what's a good target" (advice)
          (?:(?!(?:good|best|right|realistic|reasonable|sensible|typical|recommended|ideal)\b)[\w'’-]+\s+){0,4}?
          (?:total\s+|overall\s+|current\s+|latest\s+|annual\s+|exact\s+|official\s+)?
          (?:population|number|phone|address|price|cost|fee|rate|score|deadline|date|capital|weather|forecast
          |maximum|minimum|average|percentage|target|budget|name|result|opening|time|thresholds?|limit|baseline
          |figure)\b
        | what\s+did\b
        | what(?:'s|’s|\s+is|\s+are)\s+the\s+(?:url|link|links|website|web\s+address|email\s+address
                                            |zoom|teams\s+link)\b

        # a date asked of the room: "anyone know if the expo is in November this year?"
        | (?:does\s+)?(?:anyone|anybody|someone|somebody)\s+know\s+(?:when|what\s+(?:date|day|time)
          |(?:if|whether)\b[^?]*?\b(?:in|on)\s+(?:january|february|march|april|may|june|july|august|september
                                                 |october|november|december|monday|tuesday|wednesday|thursday
                                                 |friday|saturday|sunday)\b)
        | which\s+(?:company|firm|supplier|vendor|person|day|bin|bus|train|tram|room|floor|building|channel
                   |councill?ors?|officers?|officials?|colleagues?|managers?|directors?)\b
        # the weather: "any idea if it's going to rain for friday's workshop?"
        | (?:any\s+idea\s+|do\s+you\s+know\s+)?(?:if|whether)\s+it(?:'s|’s|\s+is)\s+(?:going\s+to|gonna)\s+
          (?:rain|snow|be\s+(?:sunny|windy|hot|cold|dry|wet))\b
        | (?:is|will)\s+it\s+(?:going\s+to\s+)?(?:rain|snow)\b
        | can\s+you\s+(?:give|tell|send|show)\s+me\s+(?:today|the\s+(?:latest|current|number|date|time))
    )
    # a person to contact, asked anywhere: "our portal is down, to whom I should write?", "whom should we call?"
    | \bwhom\s+(?:should|do|can|could|must|shall|(?:i|we)\s+(?:should|must|can|could))\b
    # the forecast, asked anywhere: "does anyone know if it'll rain tomorrow?"
    | \b(?:if|whether)\s+it(?:'ll|’ll|\s+will)\s+(?:rain|snow|be\s+(?:sunny|windy|hot|cold|dry|wet))\b""".replace(
        "{start}", _START),
    re.IGNORECASE | re.VERBOSE,
)
# A chore for the assistant ("translate this", "summarise my answers") or the price of a document: not a
# need a standard answers, even when the question names one ("How much does a copy of ISO 37120 cost?").
_CHORE_OR_PURCHASE = re.compile(
    r"""(?:^|[.!?;:–—]\s+|\s-\s+)\s*(?:hi,?\s+|hey,?\s+|please,?\s+)?(?:can|could|would|will)\s+
          (?:you|u|someone|somebody|anyone|anybody)\s+
          (?:please\s+|pls\s+)?
          (?:translate|summari[sz]e|proofread|rewrite|reformat|spell-?check|email|remind|schedule|book|print)\b
      | ^\s*(?:hi,?\s+|hey,?\s+|please,?\s+|i\s+need\s+you\s+to\s+)?
          (?:translate|summari[sz]e|proofread|paraphrase|reformat|spell-?check|rewrite|reword|shorten|tidy\s+up)\b
      # a piece of writing: "draft a quick email to ...", "could you draft a 150-word press release ...", after what
      # it is about or not ("Our score went up. Can you draft a paragraph for the newsletter?")
      | (?:^|[.!?;:–—]\s+|\s-\s+)\s*
        (?:hi,?\s+|hey,?\s+|please,?\s+|(?:can|could|would|will)\s+you\s+(?:please\s+|just\s+)?)?(?:draft|write)\s+
          (?:me\s+|us\s+)?(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?
          (?:e-?mail|letter|reply|message|note|tweet|post|memo|invitation|thank-you|press\s+release|speech
          |statement|announcement|blurb|newsletter|article|caption|foreword|bio|job\s+(?:ad|advert|description)
          |bullet\s+points?|bullets|talking\s+points|paragraph|slides?|intro)\b
      | \b(?:cost|costs|costing)\s+to\s+(?:buy|purchase|download|order)\b
      | \bhow\s+much\s+(?:is|are|does|do|would|will)\b[^?]{0,40}?\bto\s+(?:buy|purchase|download|order)\b
      # a reminder: "remind me friday 10am to chase Kofi", "set a reminder for ..."
      | {start}(?:can\s+you\s+|could\s+you\s+|pls\s+|please\s+)?remind\s+(?:me|us)\b
        (?!\s+(?:what|which|how|where|who|when|why)\b)
      | \bset\s+(?:me\s+|us\s+)?(?:up\s+)?an?\s+reminder\b
      # one copy for several organisations: "can we share one copy with the consultants?", "its own licence"
      | \bshare\s+(?:one|a|the|our|a\s+single)\s+(?:copy|licen[cs]e)\b | \b(?:its|their|our|my)\s+own\s+licen[cs]e\b
      | \bhow\s+much\s+(?:does|do|is|are|would|will)\s+(?:iso|iec|the\s+standards?|a\s+standard)\b[^?]*\bcost\b
      | \b(?:buy|purchase|order)\s+(?:a\s+copy|copies|the\s+(?:standard|document|pdf))\s+
          (?:through|from|via|online|directly)\b
      | \bnational\s+standards\s+(?:body|institute|organi[sz]ation)\b
      # text to paste somewhere: "draft three KPIs with baselines I can paste into the cabinet paper"
      | \b(?:i|we)\s+can\s+(?:just\s+)?(?:paste|copy|drop)\s+(?:it\s+|them\s+)?(?:into|in)\b | \bto\s+paste\s+into\b
      # a note for the record: "can you note that for our assessment?", "log this against 1.5.2"
      | \b(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:note|record|log|jot)\s+(?:that|this|it)\b
      # a change made for us: "can you change it in the tracker?", "could you update our score?"
      | \b(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+)?(?:change|update|edit
        |correct|amend|delete|reset)\s+(?:it|this|that|our|my|the|them)\b
      # a message passed on: "can you let the channel know?"
      | \b(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:let|tell|inform|notify|ping)\s+(?:the\s+channel
        |everyone|everybody|the\s+team|people|folks|the\s+group)\b
      | \b(?:buy|purchase|order|download)\s+(?:a|the|our\s+own)\s+copy\b
      | \bhow\s+much\s+(?:does|do|is|are)\s+(?:a\s+|the\s+)?(?:copy|licen[cs]e|pdf)\s+of\b
      | \bprice\s+of\s+(?:a\s+|the\s+)?(?:copy|licen[cs]e|pdf|iso)\b
      # the standard as a document: its edition, licence, publication, whether it is free
      | \b(?:edition|corrigend(?:um|a))\b
      # a PDF handled as a file (exported, shared, bought, attached), not one the city wrote ("a PDF nobody reads")
      | \b(?:export|exports|share|forward|send|download|attach|attached|licen[cs]e|purchased|bought
           |(?<!my\s)(?<!our\s)(?<!the\s)(?<!a\s)(?<!your\s)copy)  # the verb: not "my copy is a terrible PDF"
        \s+(?:\w+\s+){0,4}?pdf\b | \b(?:to|or|not\s+a)\s+(?:a\s+|only\s+)?pdf\b | \.pdf\b
      | \bpdf\s+(?:copy|copies|version|licen[cs]e|download)\b
      | \bthe\s+pdf\s+(?:has|says|shows|lists)\b
      | \b(?:the|a|our|its|this)\s+licen[cs]e\s+(?:let|lets|allow|allows|permit|permits|cover|covers|forbids?
                                                  |prohibits?|restricts?)\b
      | \b(?:purchased|bought|our)\s+cop(?:y|ies)\b | \bcop(?:y|ies)\s+of\s+(?:iso|iec|the\s+standard)
      # chores on our own files and data: "can you pull our recycling rate for 2023 from the dashboard?",
      # "compare v3 and v4 of the roadmap docx", "book 45 mins with Hannah and Kofi"
      | \b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:pull|fetch|look\s+up|dig\s+out|grab|export)
        \s+(?:our|the|me|my|us)\b
      | \bcompare\s+(?:v\d+|versions?|drafts?|the\s+two\s+(?:files|versions|drafts|docs))\b
      | \.(?:docx?|xlsx?|pptx?|csv)\b
      | ^\s*(?:please\s+|pls\s+|(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)?
        (?:book|schedule|arrange|organi[sz]e|set\s+up|sort\s+out|put\s+in)\s+(?:a\s+|an\s+|us\s+a\s+|me\s+a\s+)?
        (?:\d+\s*(?:mins?|minutes|hours?)|meeting|call|slot|room|time|catch-?up)\b
      # a room or a slot: "can we book the big meeting room for the workshop next Tuesday?"
      | \b(?:book|reserve)\s+(?:the|a|us\s+a|me\s+a|our)\s+(?:[\w-]+\s+){0,2}?(?:room|hall|venue|desk|slot)\b
      | \b(?:iso|iec|standards?)\b[^?.]{0,40}\b(?:withdrawn|superseded)\b
      # what it costs to hold: "whether EMAS costs more to keep up year to year"
      | \bcosts?\s+(?:more|less)\s+to\s+(?:keep\s+up|maintain|run|hold|renew)\b
      | \bmore\s+expensive\s+to\s+(?:keep\s+up|maintain|hold|renew)\b
      # a file asked of colleagues: "can whoever has the final version ... drop it in here?"
      | \bdrop\s+(?:it|them|a\s+copy|the\s+(?:file|link|doc|document|paper))\s+(?:in\s+)?(?:here|this\s+channel
                                                                                         |the\s+channel)\b
      | \bwhoever\s+has\s+(?:the|a)\b
      | \b(?:is|are)\s+(?:it|they|iso\s*\S+|the\s+standards?)\s+free\b | \bfree\s+(?:copy|copies|download|anywhere)\b
      # a licence to use the model or a document: "is the CEN model free to use, or do we pay for a licence?"
      | \bfree\s+to\s+(?:use|download|access|share)\b | \bpay\s+(?:for\s+)?(?:a\s+|the\s+)?licen[cs]es?\b
      | \blicen[cs]e\s+(?:fees?|costs?|price)\b
      # a file or a message passed along: "can you send me the slides from the workshop?", "forward this to Maria"
      | \b(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:send|share|forward|resend|re-send|attach)\s+
        (?:me\s+|us\s+)?(?:the|this|that|those|these|my|our|a)\s+(?:[\w-]+\s+){0,3}?
        (?:slides?|deck|notes|minutes|recording|file|files|spreadsheet|sheet|link|invite|agenda|photos?|results?
        |scores?)\b
      | ^\W*(?:please\s+|pls\s+)?forward\s+(?:this|it|that|these)\s+to\b
      # what came of a meeting, whatever its name: "can you send me the acta of the last reunion?"
      | \b(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:send|share|forward|resend|re-send)\s+(?:me|us)\s+
        (?:the|this|that|those|these|our)\s+(?:[\w-]+\s+){1,3}?(?:of|from)\s+(?:the\s+|our\s+|this\s+)?
        (?:last|latest|previous|recent|yesterday's|today's)\b
      # a look at our own systems: "can you check on our resilience dashboard whether the sensors show it rising?"
      | \b(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:check|look|see)\s+(?:on\s+|in\s+|at\s+)?
        (?:our|my)\s+(?![^?]*\b(?:standards?|iso|guidance|guidelines)\b)[^?]{0,60}?\b(?:whether|if)\b
      # a chart or a table made of our own figures: "can you make a chart of our scores?"
      | \b(?:make|create|draw|produce|generate|do)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+)?(?:quick\s+|nice\s+)?
        (?:chart|graph|bar\s+chart|pie\s+chart|table|spreadsheet|infographic)\s+(?:of|for|from|with|showing)\b
      # the diary: "can you push my 2pm?", "could you move the steering group to Thursday?"
      | \b(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:push|move|reschedule|postpone|cancel|bump|shift)
        \s+(?:my|our|the|this|today's|tomorrow's)\b
      | \bwhen\s+(?:was|were|is|will)\s+(?:iso|iec|the\s+standards?|it)\b[^?]*\b(?:published|released|revised|out)\b
      | \bhow\s+many\s+pages\b
      | \b(?:available|translated|published)\s+in\s+(?-i:[A-Z][a-z]+)(?:\s+(?:and|or)\s+(?-i:[A-Z][a-z]+))?\b
      | \b(?:translations?|other\s+languages|english\s+only)\b
      | \btranslat(?:e|ing)\b[^?.]{0,80}?\binto\s+(?-i:[A-Z][a-z]+)\b  # "how would you translate '...' into French?"
      # a task on a work tracker: "pls update the status of our ... ticket in jira", "close the Trello card"
      | ^\s*(?:please\s+|pls\s+|(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)?
        (?:update|close|move|assign|reassign|create|open|log|raise|file|mark|set)\s+[^?.]{0,60}?
        \b(?:tickets?|jira|trello|asana|cards?|tasks?)\b
      | \b(?:technical\s+specification|international\s+standard)\s+or\b
      | \b(?:same|different)\s+(?:document|thing|standard)\s+(?:as|from)\b | \bfirst\s+published\b
      | \bwho\s+(?:\w+\s+)?(?:wrote|chaired|authored|edited|drafted|came\s+up\s+with|devised|invented|coined)\b
      | \bwhich\s+(?:committee|body|organi[sz]ation|publisher)\s+(?:publishes|published|develops|developed|maintains
                                                            |owns|wrote|is\s+responsible)\b
      | \bwhere\s+(?:can|do|could)\s+(?:i|we)\s+(?:download|get\s+hold\s+of|buy|order)\b
      | \bcertifi(?:ed|cation)\b[^?.]{0,60}\b(?:require|requires|first|how\s+long|cost)\b
      # who certifies against it, who maintains it, when it changes, what it costs to hold
      | \b(?:certification|accreditation|certifying)\s+bod(?:y|ies)\b | \baccredited\s+to\s+certify\b
      | \bwho\s+(?:does|do|did|can\s+do|carries\s+out|issues|gives)\s+(?:the\s+|a\s+)?
        (?:certification|certificates?|audits?|accreditation)\b
      | \bwho\s+(?:\w+\s+){0,3}?(?:certif(?:y|ies)|audits?|accredits?)\b
      | \bwhich\s+(?:\w+\s+)?(?:bodies|body|organi[sz]ations?|companies|firms|auditors)\s+(?:can\s+|could\s+|will\s+)?
        (?:certify|audit|accredit)\b
      | \bwhen\s+is\s+the\s+next\s+(?:revision|edition|version|update)\b | \bwho\s+sits\s+on\b
      # the assistant itself: "who else can see what I type here?", "who can see my answers?"
      | \bwho\s+(?:else\s+)?(?:can|could|will)\s+see\s+(?:what\s+(?:i|we)\s+(?:type|write|say|answer|put)
                                                         |my\s+(?:answers?|replies|messages?)|our\s+(?:answers?|replies))\b
      | \b(?:annual|yearly|membership|certification|licen[cs]e|registration)\s+fees?\b | \bwho\s+pays\s+for\b
      | \b(?:has|have)\s+(?:it|they|iso\s*\S+|the\s+standards?)\s+been\s+(?:revised|updated|replaced|withdrawn)\b
    """.replace("{start}", _START),
    re.IGNORECASE | re.VERBOSE,
)
# ... unless it also asks how to run, plan or improve something, or for guidance by name.
# A stated need: "how do we ...", "we want to ...", "is there guidance / best practice ...".
# ("do we have to ...?" asks what a rule requires: a fact, not a need for guidance)
# ("do we need to show ...?", "do we need a longer trend?" ask what the model's criteria require, as "do we have to"
# does)
_STATED_NEED = (r"guidance|guidelines?|(?:best|good)\s+practice"
                r"|(?:how\s+)?(?<!level\s)(?<!score\s)(?<!when\s)(?<!who\s)(?:do|can|should|could)\s+we"
                r"(?!\s+(?:legally\s+)?have\s+to\b|\s+legally\b"
                # the diary: "can we move it to Wed 3pm?"
                r"|\s+(?:move|push|reschedule|shift|swap|bump)\s+(?:it|this|that|the\s+[\w-]+)\s+to\b"
                # the assessment itself: "should we do the assessment as a workshop?"
                r"|\s+(?:just\s+)?(?:do|run|hold|complete|fill\s+in)\s+(?:the|this|our)\s+(?:self-?)?assessment\b"
                # how the levels add up, and whether to rate a topic: "should we average across the purposes?"
                r"|\s+(?:just\s+)?average\b|\s+(?:rate|score|assess|mark|grade)\s+(?:ourselves|us|itself|myself)\b"
                # a level to choose: "should we score ourselves 1 or 2?", "should we put level 3?"
                rf"|\s+(?:{_LEVEL_VERBS}|call|grade)\s+(?:(?:{_RATED})\s+)?{_A_LEVEL}\b"
                rf"|\s+(?:do|make\s+it|meet|have\s+it)\s+(?:on\s+|at\s+)?(?:{_WEEKDAY}|{_CLOCK_TIME})"
                r"|\s+need\s+(?:to\s+(?:show|prove|demonstrate|evidence|provide|meet)|an?|more)\b"
                # what a level's criteria ask for: "what do we need for level 3 on resilience?"
                r"|\s+need\s+(?:in\s+place\s+|to\s+have\s+(?:in\s+place\s+)?|to\s+do\s+)?"
                r"(?:for|at|to\s+(?:get\s+to|reach|be\s+at|move\s+to|hit))\s+(?:a\s+|the\s+next\s+)?level)"
                r"|we\s+(?:want|need|plan|are\s+trying)\s+to(?!\s+(?:show|prove|demonstrate|evidence)\b)"
                r"|need\s+(?:smth|sth|something|some\s+help|help)\b")
# Guidance named: what keeps a need stated before the question a request for guidance
_NAMES_GUIDANCE = re.compile(
    r"\b(?:standards?|iso|guidance|guidelines?|(?:best|good)\s+practices?|frameworks?|method(?:s|ology)?|approach(?:es)?"
    r"|checklists?|indicators|criteria|definitions?|terminology|vocabulary|glossary|requirements)\b",
    re.IGNORECASE)
_GUIDANCE = re.compile(
    r"\b(?:standards?|iso|framework|method(?:ology)?|models?|approach|checklist|definitions?|terminology"
    rf"|vocabulary|glossary|requirements|criteria|indicators|{_STATED_NEED})\b",
    re.IGNORECASE,
)


# The levels' names in Table 2, as the model writes them (capitalised: "improving" alone is an everyday word)
_LEVEL_NAME = r"(?:Initial|Partially\s+[Ff]ulfilled|Fulfilled|Improving|Sustainably\s+[Oo]ptimi[sz]ing)"

# Questions about something other than running the city, even when they name a standard or the model: a
# past event or who did something ("did the council approve ...?", "which cities piloted the model?"), where
# a word comes from, our own figures, the workspace, opening hours, personal admin, the assessment itself,
# opinions. Only a stated need (`_NEED`) makes one a request for guidance.
_ABOUT_SOMETHING_ELSE = re.compile(
    r"""{start}(?:
          did\s+(?:the|our|their|they|we|anyone|anybody|he|she|it)\b
        # what became of something: "was the resilience action plan approved at last night's council meeting?"
        | (?:was|were|has|have)\s+(?:the|our|their|it)\b[^?]{0,60}?\b(?:approved|adopted|signed\s+off|passed|agreed
                                                                  |launched|cancell?ed|delayed|postponed|pushed)\b
        | did\s+(?:[\w-]+\s+){1,2}?(?:approve|sign|pay|agree|send|get|receive|finish|submit|reply|respond|confirm)\b
        | which\s+(?:other\s+|pilot\s+|partner\s+|member\s+|european\s+|uk\s+)?
          (?:cities|countries|towns|councils|municipalities|regions|communities)\s+
          (?!(?:should|could|can)\b)
        | who\s+(?:wrote|developed|created|authored|drafted|funded|piloted)\b
        | when\s+(?:exactly\s+)?(?:did|was|were)\b  # a past event: "when did Mississauga get certified?"
    )
    # where a word comes from: "where does the word 'resilience' come from?", "origin of the term"
    | \b(?:origin|origins|etymology|history)\s+of\s+the\s+(?:word|term|phrase)\b
    | \bwhere\s+does\s+the\s+(?:word|term|phrase)\b | \bwho\s+(?:\w+\s+)?coined\b
    # a quantity is a fact: our own figures ("how much is left in the capital budget this year?"), a count ("how
    # many indicators are in 37120?", "how many cities hold ...?"), unless a need comes with it ("how many KPIs
    # should we report?")
    | \bhow\s+(?:many|much)\b
    # the workspace and its meetings: "add me to #channel", "the Zoom link for today's call"
    | \b(?:add|invite)\s+me\s+to\b | \B\#[a-z][\w-]+ | \b(?:zoom|teams|meet|webex)\s+(?:link|invite|call)\b
    # opening hours: "is the library open this Saturday?", "library opening hours this weekend?"
    | \bopening\s+(?:hours|times)\b
    # a meeting's time or place: "is the workshop thurs still 2pm or did it move to friday?", "book the big room"
    | \b(?:still|now|moved\s+to|at)\s+\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm)\b
    | \bdid\s+(?:it|that|the\s+[\w-]+)\s+(?:move|get\s+moved)\b
    | \bbook\s+(?:the|a)\s+(?:big\s+|small\s+|meeting\s+)?room\b
    # whom to pass something to: "who in procurement do I flag this to?"
    | \bwho\b[^?.]{0,40}?\b(?:do|should|can|could)\s+(?:i|we)\s+(?:flag|report|send|escalate|raise|forward|give|email
                                                                    |pass)\b
    # whom to talk to: "who at the county is the right person to talk to about the licence?"
    | \b(?:right|best|correct)\s+(?:person|people|contact|team|officer)\s+(?:to|for)\b
    # a meeting moved: "can we move it to Wed 3pm?"
    | \b{weekday}\s+{clock_time}
    | \bclash(?:es)?\s+with\b
    # who should take a job on: "which of our directorates should own digital inclusion?"
    | \bwhich\s+(?:of\s+(?:our|the|these)\s+)?(?:directorates?|departments?|teams?|services?|officers?
                                          |cabinet\s+members?|portfolios?)\s+(?:should|would|will|ought\s+to)\s+(?:own|lead|run|hold|take
                                                                                          |be\s+invited|attend|join)\b
    # whether to tell someone: "Should I tell the chief exec before the committee meeting?"
    | \bshould\s+(?:i|we)\s+(?:tell|inform|warn|brief|email|e-mail|call|ring|phone|notify|cc|copy\s+in|loop\s+in)\s+
      (?:the|our|my|him|her|them)\b
    # whom to invite to a meeting: "who should we invite to Thursday's workshop?"
    | \binvit(?:e|ed|ing)\s+(?:[\w-]+\s+){0,3}?to\s+(?:the|our|this|that|next|tomorrow's|[\w]+day's)\s+
      (?:[\w-]+\s+){0,4}?(?:workshop|meeting|session|call|event|away-?day|kick-?off)s?\b
    | \bassessment\s+(?:workshop|session|meeting|call|kick-?off|day)s?\b
    | \b(?:does|do|did)\s+the\s+(?:certifying|auditing|accrediting|certification)\b
    # the model's own parts, counted: "can you list the six purposes again?"
    | \b(?:list|name|recap|remind\s+me\s+(?:of\s+)?|what\s+(?:are|were))\s+(?:all\s+)?(?:the\s+|our\s+)?
      (?:six|6|four|4|five|5)\s+(?:sustainability\s+)?(?:purposes|dimensions|maturity\s+levels|levels|enablers)\b
    # whom to ask: "who do we ask in city hall?", "who should I contact about the permit?", "who in IT should I call?"
    | \bwho\s+(?:(?:in|at|from|on)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){1,3}?)?(?:do|should|can|could|would)\s+(?:we|i)\s+
      (?:ask|contact|talk\s+to|speak\s+to|call|email|go\s+to|ping|message|chase|reach\s+out\s+to|chat\s+to|turn\s+to)\b
    # who holds a job or a document now: "who in the council owns the resilience action plan at the moment?"
    # (not who does what, the roles to settle: "baseline? action plan? who owns what?")
    | {start}who\s+(?!(?:owns|does|leads|runs|manages)\s+what\b)
      (?:(?:in|at|from|on)\s+(?:the\s+|our\s+|this\s+|that\s+)?[\w-]+\s+|here\s+|now\s+|currently\s+
                      |actually\s+|really\s+|exactly\s+)*
      (?:owns|leads|runs|chairs|manages|holds|is\s+(?:responsible|in\s+charge|accountable))\b
    # where the model files something: "which dimension does digital inclusion sit under?"
    | \b(?:which|what)\s+(?:sub-?)?(?:dimensions?|sub-?dimensions?|characteristics?|purposes?|enablers?|pillars?)\b
      [^?]*\b(?:sits?|falls?|belongs?|comes?|goes)\s+(?:under|in|into|to|within)\b
    | \bopen\s+(?:this|today|tomorrow|tonight|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|at\s+the\s+weekend)\b
    # personal admin: "how do I claim expenses?", "how do I reset my password?"
    | \bhow\s+(?:do|can)\s+i\s+(?:claim|reset|log\s?in|sign\s+in|expense|get\s+reimbursed|book\s+leave)\b
    # the helpdesk: "I can't log into the data platform", "locked out of my account again"
    | \b(?:can't|cannot|can\s+not|unable\s+to)\s+(?:log|sign)\s*(?:in|on)(?:to)?\b | \blocked\s+out\s+of\b
    | \b(?:my|the)\s+password\b | \b(?:it|service)\s*(?:help\s*desk|service\s*desk)\b | \bhelp\s*desk\b
    # personal and office admin: leave, pay, invoices, a purchase order, a cost code
    | \b(?:annual|sick|parental|study)\s+leave\b | \btimesheets?\b | \bpay\s*slips?\b | \bexpenses?\s+claims?\b
    | \binvoic(?:e|es|ed|ing)\b | \bpurchase\s+orders?\b | \bpo\s+numbers?\b
    | \b(?:cost|budget)\s+(?:cent(?:re|er)|code)s?\b
    # news of a thing in hand: "any update on the tender?", "is the dashboard live yet?"
    | \bany\s+(?:news|updates?|word|progress)\s+(?:on|about|from|with)\b
    | \b(?:is|are)\s+(?:the|our)\s+(?:[\w-]+\s+){1,4}?(?:out|live|ready|done|finished|back|up)\s+yet\b
    # the assessment itself: how it is run and filled in ("do the assessment as a workshop?", "fill in the old
    # spreadsheet too?"), who sees the answers, changing a level, what happens once submitted
    | \b(?:do|run|hold|complete|finish|start)\s+(?:the|this|our)\s+(?:self-?)?assessment\b
    | \bfill\s+(?:in|out)\s+(?:the|this|that|our|my)\s+(?:[\w-]+\s+){0,3}?(?:spreadsheet|form|template|survey
                                                                     |questionnaire|sheet|tracker|scores?|ratings?
                                                                     |levels?|answers?|section|row|column|line|box
                                                                     |cell|field)s?\b
    | \bfill\s+(?:it|this|them)\s+(?:in|out)\b
    # a level to choose: "should I put a 2 or a 3?", "is that a 3 or a 4?"
    | \b(?:{level_verbs}|is|are|it's|that's)\s+(?:(?:{rated}|we)\s+)?{a_level}\s+or\s+(?:an?\s+|level\s+)?[1-5]\b
    # ... or one level to record: "should I put 3 this time?", "can we give ourselves a 4?"
    | \b(?:should|shall|can|could|do)\s+(?:i|we)\s+(?:{level_verbs}|go\s+(?:for|with))\s+(?:(?:{rated})\s+)?{a_level}
      (?!\s*(?:%|percent|per\s+cent|years?|months?|days?|weeks?|people|staff|million|m\b|k\b))\b
    # whether to rate a topic at all, and how to add up the levels: "should the shire rate itself on resilience?",
    # "should we average across the purposes and report one number?"
    | \b(?:rate|score|assess|mark|grade)\s+(?:itself|ourselves|themselves|myself|us)\s+(?:on|for|against)\b
    | \baverage\s+(?:across|over|out)\b[^?.]{0,40}\b(?:purposes|characteristics|dimensions|levels|scores|ratings)\b
    | \b(?:one|a\s+single|an\s+overall)\s+(?:number|score|level|rating)\s+(?:to|for)\s+(?:cabinet|council|the\s+board
                                                                              |the\s+mayor|members|report)\b
    # whether something counts for a level: "does it need council sign-off to count?", "would that count as level 3?"
    | \bto\s+count\s*(?:\?|$|for\s+(?:level|l)\s*[1-5]|towards?\s+(?:level|l)\s*[1-5])
    | \bcounts?\s+(?:as|for|towards?)\s+(?:a\s+)?(?:level|l)\s*[1-5]\b
    # ... or as a criterion quoted from the model: "does our flood plan count as a 'formalized resilience process'?"
    | \b(?:does|do|did|would|will|can|could|should|might)\b[^?.]{0,60}?\bcount\s+as\s+(?:part\s+of\s+)?
      (?:an?\s+|the\s+)?['"‘“]
    | \bfor\s+the\s+(?:[\d.]+\s+|[\w-]+\s+)?(?:scoring|rating)\b  # "for the 3.2.2 scoring"
    | \b(?:submit|submitted|submitting|submission)\b
    | \b(?:my|our)\s+(?:answers?|responses?)\b
    | \bwho\s+(?:will\s+|can\s+|gets?\s+to\s+)?see\b
    | \b(?:picked|chose|chosen|put\s+(?:us|ourselves|myself)\s+at|change\s+(?:my|our|the))\s+level\b
    | \blevel\s+(?:names?|labels?)\b | \bwhat\s+does\s+level\s+\d\s+mean\b
    # the model's own words and the assessment's scores: "level 4", "Level in 2 years", "how many
    # characteristics", "the maturity model", "we scored ourselves a 2"
    # (not a maturity model wanted: "we'd like a maturity model for our infrastructure")
    | \blevels?\s+(?:\d|now\b|in\s+(?:2|two)\s+years) | \bmaturity\s+levels?\b | \bin\s+the\s+model\b
    | (?<!\ba\s)(?<!\ban\s)(?<!\bany\s)(?<!\banother\s)(?<!\bother\s)\bmaturity\s+model\b
    # the draft's own wording: "Is that just a typo in the draft?"
    | \b(?:typo|misprint|typographical\s+error)s?\b | \b(?:mistake|error)\s+in\s+(?:the\s+)?(?:draft|table|annex|text)\b
    | \bcharacteristics\b | \bself-?assessment\b | \bassessment\s+(?:template|tool|sheet|form)\b
    | \b(?:we|they|i)\s+scored\b | \bscored\s+(?:ourselves|us|myself)\b | \b(?:our|the|these|those)\s+scores?\b
    | \bsign(?:s|ed)?\s+off\s+(?:on\s+)?(?:the|our|these)\s+(?:levels?|ratings?|assessment|results?)\b
    | \bwhat\s+(?:score|level|rating|mark)\s+(?:(?:did|do|should|would|shall|can|could|must)\s+)?(?:we|they|i|you)\b
    | \bwhat(?:'s|\s+is|\s+was|\s+were)\s+(?:our|my|their|the\s+city's)\s+(?:levels?|scores?|ratings?|marks?)\b
    # the assistant asked to rate us: "where would you put us on 1.3.1?", "rate us on digital inclusion"
    | \bwhere\s+(?:would|do|should)\s+(?:you|u)\s+(?:put|place|rate|score|rank)\s+(?:us|them|me)\b
    | \b(?:rate|score|grade|rank)\s+us\b
    | \b(?:give|gave|given)\s+(?:ourselves|myself)\b
    | \bremind\s+me\s+(?:what|when|who|which|where|how)\b
    # a deadline: "until when can we send comments on the draft?"
    | \b(?:until|till|by)\s+when\b
    | \bwhen(?:'s|’s|\s+is|\s+was)\s+the\s+(?:deadline|closing\s+date|cut-?off|next\s+(?:round|call|deadline))\b
    # a funding call: "is there a national or EU funding call open right now we could apply to?"
    | \b(?:funding|grant)\s+(?:calls?|rounds?)\b | \bapply\s+(?:to|for)\b[^?.]{0,30}\b(?:funding|grants?|a\s+call)\b
    # the assistant asked to place us: "what level does that put us at now?", "where does that leave us?"
    | \bwhat\s+level\s+(?:does|would|will|do|should|are|is)\s+(?:that|this|it|we|us)\b
    | \bwhere\s+(?:does|would|will)\s+(?:that|this|it)\s+(?:put|leave|place)\s+us\b
    | \b(?:difference|wording|meaning|labels|names)\b[^?]{0,80}\bmaturity\s+levels?\b
    # two of the levels by their names in Table 2: "the difference between 'Fulfilled' and 'Improving'"
    | (?-i:{name})['’”"]?\s*(?:and|or|vs\.?|versus|/|,|to)\s*['‘“"]?(?-i:{name})
    # what the law says: "is the council legally allowed to ...?", "which bit of the open meetings act applies?",
    # "what is the lawful basis for sharing ...?"
    | \blegally\s+(?:have\s+to|need\s+to|got\s+to|must|allowed|permitted|required|obliged|mandatory|bound|entitled)\b
    | \blawful\s+bas[ie]s\b
    # a rule or a funder's condition: "is ISO 37106 mandatory for EU funding?"
    | \b(?:mandatory|compulsory|obligatory)\s+(?:\([^)]*\)\s+)?(?:for|to\s+(?:get|receive|qualify))\b
    # a funder's rules: "what are the eligibility rules / match funding %?"
    | \beligib(?:le|ility)\b | \bmatch[-\s]funding\b
    # an article of a law: "which GDPR article gives residents the right to ...?"
    | \b(?:which|what)\s+(?!iso\b)(?:[\w-]+\s+){1,2}(?:article|section|clause|paragraph)s?\b
    # a deadline: "when does the comment period for the draft close?"
    | \bwhen\s+(?:\w+\s+){0,6}?(?:close|closes|closing|end|ends|due|open|opens)\b
    # a fact to confirm: "can you confirm it's 'public task'?"
    | \b(?:can|could)\s+(?:you|u)\s+(?:please\s+)?confirm\s+(?:it's|it\s+is|that|this\s+is|we)\b
    | \b(?:which|what)\s+(?:bit|part|section|article|clause|paragraph)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?
      (?:act|law|regulation|directive|code|statute)\b
    # opinions and small talk: "honest opinion: ...", "what do you think of ...", a poll ("quick poll: ... react
    # with 🏠 or 🚌")
    | \b(?:quick|straw|snap|team|office)\s+(?:poll|vote)\b | ^\W*poll\b
    | \b(?:honest|your)\s+(?:opinion|view|take)\b | \bwhat\s+do\s+you\s+(?:think|reckon)\b
    | \bwhat\s+(?:do\s+)?(?:people|ppl|others|folks|everyone|you\s+all|y'all)\s+(?:think|reckon|feel)\b
    # "do you think the whole smart city thing is just vendor hype?"; not "do you think a standard would help?"
    | \b(?:do|don't)\s+you\s+(?:honestly\s+)?(?:think|reckon|feel|believe)\b
      (?![^?]*\b(?:standards?|iso|help|guidance|framework|approach|method|should|could|ought)\b)
    # a message to a colleague: "@Tomas are you joining the workshop?", or Slack's "<@U0123> ..." (the bot's
    # own mention is removed before the question is read)
    | ^\s*(?:<@[UW][A-Z0-9]+(?:\|[^>]*)?>|@[\w.-]+\b)
    # news: "did you see Mississauga got certified?"; a judgement of our figures: "is that bad?"
    | \b(?:did|have)\s+you\s+(?:see|seen|hear|heard|read)\b
    | \b(?:is|does|do)\s+(?:that|this|it|these)\s+(?:\w+\s+)?(?:bad|good|ok|okay|normal|high|low|right|wrong
                                                        |look\s+right|sound\s+right|look\s+ok)\b
      (?!\s+(?:one|ones|standard|standards|iso|choice|fit|document|reference)\b)  # "is that the right one for us?"
    """.replace("{name}", _LEVEL_NAME).replace("{start}", _START).replace("{weekday}", _WEEKDAY)
    .replace("{clock_time}", _CLOCK_TIME).replace("{level_verbs}", _LEVEL_VERBS).replace("{rated}", _RATED)
    .replace("{a_level}", _A_LEVEL),
    re.IGNORECASE | re.VERBOSE,
)
# A message that asks nothing: a link shared "fyi", meeting notes, a laugh. Unless it has a question mark.
_NOT_ASKING = re.compile(
    r"""^\s*(?:fyi|notes|minutes|agenda|actions?|update|status)\b[\s:–-]
      | \bfyi\b | \bheads[\s-]up\b | \bworth\s+a\s+(?:read|skim|look)\b
      | \b(?:lol|lmao|haha+)\b | [\U0001F600-\U0001F64F\U0001F923]""",
    re.IGNORECASE | re.VERBOSE,
)


# A report with no request in it: "the sensors on Main St have been offline since Friday AGAIN". Only the nearest
# topics, if any: a bare topic ("open data portal") has no reporting verb and is still answered.
_REQUEST = re.compile(
    r"\b(?:which|what|how|where|who|any|is\s+there|are\s+there|need|needs|needed|want|wants|looking\s+for|help"
    r"|recommend|suggest|advice|advise|guidance|guide|standards?|iso|best\s+practice|should|could|can|tips?"
    r"|ideas?|framework|approach|way\s+to)\b",
    re.IGNORECASE,
)
# A period's figures: "council tax band D for 2024/25?", "Q3 footfall numbers" (a fiscal year, a quarter)
_PERIOD = re.compile(r"\b(?:19|20)\d\d\s*[/-]\s*\d\d\b|\bFY\s*'?\d\d|\bQ[1-4]\b", re.IGNORECASE)
_REPORTING = re.compile(r"\b(?:has|have)\s+been\b|\b(?:broke|crashed|went\s+down|again)\b", re.IGNORECASE)


# A choice between named products or firms ("Commonplace or Bang the Table?", "hire Arup or Deloitte?"):
# a procurement decision, not a need a standard meets. Case matters: the names are capitalised.
_VENDOR_CHOICE = re.compile(
    r"(?:^|\b(?:hire|appoint|use|buy|choose|pick|go\s+with|select)\s+)[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?\s+or\s+"
    r"(?!ISO\b|IEC\b)[A-Z][a-z]"
    r"|(?i:\bwhich\s+(?:one|vendor|supplier|product|tool|platform|consultancy|firm)\s+(?:do|does|should|would)\s+"
    r"(?:you|councils|cities|people|others|most)\b)"
    # a supplier asked for: "can you recommend a vendor for a digital twin platform?"
    r"|(?i:\b(?:recommend|suggest|know)\s+(?:a|an|any|some|the\s+best)\s+(?:good\s+|reliable\s+|local\s+)?"
    r"(?:vendors?|suppliers?|consultan(?:ts?|cy|cies)|compan(?:y|ies)|firms?|contractors?|providers?)\b)",
)
_NEED = re.compile(rf"\b(?:{_STATED_NEED})\b", re.IGNORECASE)
# "I don't need a standard, just the criteria in plain words": whatever else it says, no standard is wanted
_NO_STANDARD_WANTED = re.compile(
    r"\b(?:(?:don't|do\s+not|doesn't|does\s+not)\s+(?:need|want)|not\s+(?:looking\s+for|after|asking\s+(?:for|about)))"
    r"\s+(?:a\s+|any\s+|the\s+)?(?:iso\s+)?(?:standards?|iso)\b"
    r"(?=\s*(?:[,.;:!–—-]\s*(?:i\s+)?(?:just|only|simply)\b|[.!]?\s*$))"
    # "Need numbers, not standards."
    r"|\b[\w-]+,?\s+not\s+(?:a\s+|any\s+)?(?:iso\s+)?(?:standards?|iso)\W*$", re.IGNORECASE)


# An opinion asked for outright: "want your opinion not a list", "give me your honest take": whatever need the
# question also states ("should we just do X instead?"), it asks what the assistant thinks
_OPINION_ASKED = re.compile(
    r"\b(?:want|need|give\s+me|after|asking\s+for|just)\s+(?:your|ur)\s+(?:honest\s+|own\s+|personal\s+|gut\s+)?"
    r"(?:opinion|view|take)\b|\bopinion,?\s+not\s+a\s+list\b"
    r"|\b(?:just\s+)?(?:after|want(?:ing)?|asking\s+for|looking\s+for)\s+(?:some\s+|honest\s+|people's\s+)?opinions\b"
    # the last words of the message: "... or should we just get on with the projects? honest opinion pls"
    r"|\b(?:honest|your|ur)\s+(?:opinion|view|take)s?\s*(?:pls|please|plz|thanks|thx)?\W*$",
    re.IGNORECASE)


# What counts in the assessment is its business, whatever is needed for it: "Does that count as multi-stakeholder,
# or do we need the voluntary sector too for level 5?", "When we score our resilience level, do we count the county's
# emergency plan?" (the level named in the same question as "count as", or in the one after it)
_WHAT_COUNTS = re.compile(r"\bcounts?\s+(?:as|towards?|for)\b[^?]*\??[^?]*\b(?:level|l)\s*[1-5]\b"
                          # "should their innovation challenges count as evidence for our procurement score?"
                          r"|\bcounts?\s+(?:as\s+evidence|towards?)\b[^?]{0,40}\b(?:our|the|a)\s+(?:[\w-]+\s+)?"
                          r"(?:score|level|rating|assessment)\b"
                          r"|\b(?:level|l)\s*[1-5]\b[^?]*\bcounts?\s+(?:as|towards?|for)\b"
                          r"|(?<!\bhow\s)\b(?:do|does|should|can|could|would|will)\s+(?:we|i|you|they)\s+count\b"
                          r"|\bwhen\s+(?:we|i|you)\s+(?:score|rate|assess|mark|grade)\b"
                          # what a level requires of the ones below: "Does level 4 require everything from level 3
                          # as well, or can we skip?"
                          r"|\b(?:does|do|would|will)\s+(?:level|l)\s*[1-5]\s+(?:require|need|include|assume)\b"
                          r"|\b(?:can|could)\s+(?:we|i|you|a\s+city)\s+skip\b|\bskip\s+(?:a\s+)?levels?\b"
                          # "For the purposes of the two-year assessment, should the Council take into account plans
                          # in a draft budget?"
                          r"|\b(?:assessment|scoring|rating)\b[^?]{0,40}\b(?:should|can|could|may|do|does)\s+(?:we|i|the\s+\w+)"
                          r"\s+(?:take\s+(?:in)?to\s+account|take\s+account\s+of|include|count|consider)\b"
                          r"|\b(?:should|can|could|may|do|does)\s+(?:we|i|the\s+\w+)\s+(?:take\s+(?:in)?to\s+account"
                          r"|take\s+account\s+of|include|count)\b[^?]{0,60}\b(?:in|for)\s+(?:the|our|this)\s+"
                          r"(?:(?:two-year|2-year|self-)\s*)?(?:assessment|scoring|rating)\b",
                          re.IGNORECASE)


def looks_up_a_fact(query: str) -> bool:
    """Whether a question asks for a fact about the world (or the assessment, or an opinion, or a choice of
    vendor) rather than for guidance: `_FACT_LOOKUP`, `_ABOUT_SOMETHING_ELSE`, `_WHAT_COUNTS`, `_VENDOR_CHOICE`; or a
    message with no request in it reports something (`_REPORTING`) or names a period whose figures it wants
    (`_PERIOD`); or it says no standard is wanted (`_NO_STANDARD_WANTED`). A need stated before the first question
    makes it a request for guidance only when it names guidance (`split_at_the_ask`)."""
    context, asking = split_at_the_ask(query)
    if _NO_STANDARD_WANTED.search(query) or _OPINION_ASKED.search(query):
        return True
    if _VENDOR_CHOICE.search(query):  # "should we hire Arup or Deloitte?" is a choice, not a need
        return not seeks_guidance_by_name(query)
    if _WHAT_COUNTS.search(query):
        return not seeks_guidance_by_name(query)
    if _ABOUT_SOMETHING_ELSE.search(query):
        # unless a need is stated, or guidance asked for by name ("which standard helps us up the levels?")
        return not (_NEED.search(asking) or seeks_guidance_by_name(query)
                    or (_NEED.search(context) and _NAMES_GUIDANCE.search(query)))
    if _NOT_ASKING.search(query) and "?" not in query:
        return not _NEED.search(query)
    if not _REQUEST.search(query):
        reports = "?" not in query and _REPORTING.search(query)  # "the sensors have been offline since Friday again"
        if reports or _PERIOD.search(query):  # "council tax band D for 2024/25?"
            return True
    return bool(_FACT_LOOKUP.search(query)) and not (_GUIDANCE.search(asking) or _NAMES_GUIDANCE.search(context))


def asks_a_chore_or_a_price(query: str) -> bool:
    """Whether a question asks the assistant for a chore or a document's price (`_CHORE_OR_PURCHASE`):
    never answered with a standard, even one it names."""
    return bool(_CHORE_OR_PURCHASE.search(query))


# Everyday function words of the languages a European city's staff most often write in besides English.
_OTHER_LANGUAGES = frozenset({
    # Spanish
    "el", "la", "los", "las", "del", "una", "unos", "que", "por", "para", "con", "como", "pero", "más", "está",
    "están", "hay", "sobre", "nuestra", "nuestro",
    # Portuguese
    "o", "os", "as", "do", "da", "dos", "das", "uma", "com", "não", "são", "também", "nossa", "nosso", "pela",
    "pelo",
    # French
    "le", "les", "des", "du", "une", "est", "sont", "avec", "pour", "dans", "sur", "nous", "notre", "mais", "pas",
    "qui", "très", "aussi",
    # German
    "der", "die", "und", "ist", "sind", "mit", "für", "auf", "wir", "unser", "unsere", "nicht", "ein",
    "eine", "einen", "dem", "den", "auch", "wie", "bei",
    # Italian
    "il", "lo", "gli", "della", "delle", "che", "sono", "non", "anche",
})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def is_not_english(query: str) -> bool:
    """Whether a question is written in another language: more of its function words are Spanish,
    Portuguese, French, German or Italian than English (the knowledge base and the embedder are English)."""
    words = [word.lower() for word in _WORD.findall(query)]
    english = sum(word in FUNCTION_WORDS for word in words)
    other = sum(word in _OTHER_LANGUAGES and word not in FUNCTION_WORDS for word in words)
    return other >= 2 and other > english
