"""What a question asks for besides guidance: facts, chores, prices, vendors (bot/retrieval/intent.py)."""

import pytest

from bot.retrieval.guidance_request import seeks_guidance_by_name
from bot.retrieval.intent import asks_a_chore_or_a_price, is_not_english, looks_up_a_fact
from bot.retrieval.shorthand import spelled_out


@pytest.mark.parametrize("question", [
    "When is the next full council meeting?",
    "Who is the head of the digital team at Leeds City Council?",
    "How many people live in our city according to the 2021 census?",
    "how many indicators are in 37120 in total and how many themes?",
    "What's the current EU tender threshold for services contracts? need it for the sensor contract",
    "Is the council legally allowed to livestream meetings? which bit of the open meetings act applies?",
    "quick poll for the retreat agenda: should the sustainability session focus on housing or transit? react 🏠 or 🚌",
    "how many canadian cities hold WCCD platinum for 37120 right now?",
    "Just a heads-up: the vision steering group moved to Thursday 10am. Nothing needed from anyone.",
    "How many days' notice do we have to give before posting the council agenda under the open meetings law?",
    "What's Barcelona's target for kilos of household waste per resident?",
    "Can you give me today's air quality readings for Milan?",
    "How much does a Power BI licence cost per user?",
    "What time does the civic centre open on Saturdays?",
    "What's the overall budget for the parks department this year?",
    "Did the mayor sign the smart parking contract yesterday?",
    "Which countries took part in piloting the maturity model?",
    "Who developed this maturity model?",
    "Is the civic centre open this Saturday for the data meetup?",
    "Recycling centre opening times over the holidays?",
    "How do I claim my travel for the smart mobility conference?",
    "Once we submit, who reads the answers?",
    "I chose level 2 for channel management, can I change my answers?",
    "What does level 4 mean?",
    "Your honest view: is open data worth the effort?",
    "Should we go with Esri or Bentley for the digital twin?",
    "Which platform do councils prefer for participatory budgeting?",
    "fyi, the resilience working group slides are on the drive",
    "Minutes: open data board, 3 May - portal migration slipped to June",
    "haha the sensor dashboard crashed again during the demo",
    "What's the link to the open data portal of Helsinki?",
    "In last year's digital plan, how much did we spend on the IoT network?",
    "where does the term 'smart city' come from?",
    "can someone add me to #digital-inclusion?",
    "what is the difference in meaning between the top two maturity levels?",
    "the parking sensors on Quay St have been offline since Monday again",
    "who filled in the benefit tracking section? I want to check a couple of things with them",
    "Who signed off the data sharing agreement with the police?",
    "who wrote the open data policy in the end?",
    "when exactly did Mississauga get its WCCD ISO 37122 certification? need the year for a slide",
    "what score did we give ourselves on digital inclusion last time round?",
    "what's Port Elvane's household recycling rate for last year? need it for the resource use slide",
    "honestly are 'smart cities' just a way for vendors to sell dashboards? curious what ppl think",
    "remind me what level we put for channel management last Tuesday?",
    "honestly do you think the whole smart city thing is just vendor hype?",
    "anyone know if the resilience summit in Rotterdam is on Tuesday? booking trains",
    "does anybody know when the open data awards are this year?",
    # the assistant asked to rate us
    "where would you put us on digital inclusion? we run free tablet classes in two libraries",
    "rate us on channel management please, we have a web form and a phone line",
    # what the model's criteria require, asked as "do we need to show" (as "do we have to")
    "What would we need to show to get from level 2 to level 3 on benefit tracking?",
    "does one good year count as evidence at level 4, or do we need a longer trend?",
    # the level to record, asked of the assistant
    "What level should I put for channel management? we have a web form and a phone line",
    "what level should we enter for the vision, given the draft isn't adopted?",
    # two of the levels by their names in Table 2
    "can someone explain 'Partially fulfilled' vs 'Fulfilled' for the procurement one?",
    "Improving or Sustainably optimising - which one are we on benefit delivery?",
    # no standard wanted; the weather; a deadline
    "Is level 2 enough for channel management? I don't want a standard, just a yes or no.",
    "do you know if it's going to be windy for the drone demo on Thursday?",
    "till when is the consultation on the resilience strategy open?",
    "what is the lawful basis under data protection law for sharing residents' data with the hospital?",
    "Can you confirm it's 'public task'? It's for the identity and privacy part of our assessment.",
])
def test_a_question_that_looks_up_a_fact_is_recognised(question: str) -> None:
    assert looks_up_a_fact(question)


@pytest.mark.parametrize("question", [
    "How do we move services online without leaving older residents behind?",
    "Is there a standard for tracking whether our smart projects deliver their benefits?",
    "How many indicators should we track, and is there a framework for choosing them?",
    "What's the best way to get the hospital and the port into one resilience plan?",
    "When we buy new systems, how can we make sure they can share data?",
    "Nobody knows which servers and databases the council owns.",
    "Where can I read the agreed definitions of a resilient city and a liveable one?",
    "Where do I find requirements for an open data portal?",
    "where are the 'smart contracting principles' actually defined?",
    "Which cities should we learn from on open data?",
    "Which councils have done this well, and how do we start?",
    "How do we keep our digital services open to residents who are offline?",
    "Should we use ISO 37101 or ISO 37104 to run our sustainability management?",
    "We want to know how others set up open data: is there guidance?",
    "fyi: our sensor data sits in five systems, how do we bring it together?",
    "open data portal",
    "the sensors have been offline for weeks, we need a better way to manage these assets",
    "which standard helps us move up the maturity levels for benefit tracking?",
    "who needs to be involved when we agree data sharing with partners?",
    "who should own the city's register of data assets?",
    "what's the best way to measure our recycling rate?",
    "what is a good target for household recycling?",
    "do you think a standard would help us with open data?",
    "do you think we should start with a data strategy?",
    "anyone know if there's a standard for sharing data with the police?",
    "we're at level 2 on open data - how do we get to level 3?",
    "which standard helps with improving and initial planning of the data platform?",
    "what level should we aim for, and which standard helps us get from Fulfilled to Improving?",
    "We don't need a standard for everything, but which one helps with open data?",
    "Which standard helps us plan for when it is going to rain more heavily than today?",
    "When can we expect guidance on digital twins to help our planners?",
])
def test_a_question_that_asks_for_guidance_is_not_a_fact_lookup(question: str) -> None:
    assert not looks_up_a_fact(question)


@pytest.mark.parametrize(("question", "chore"), [
    ("Could you summarise my answers so far?", True),
    ("Can you translate the engagement strategy into Spanish?", True),
    ("How much does a copy of ISO 37101 cost to buy?", True),
    ("Where can I buy a copy of ISO 37106?", True),
    ("Can you suggest a standard for sharing data with the utilities?", False),
    ("How much does it cost to run a management system like ISO 37101?", False),
    ("We want to buy smart streetlights: which standard helps us specify them?", False),
    ("Summarise this paragraph on our air quality plan for me", True),
    ("please proofread the open data policy", True),
    ("Draft an email to the energy team about the sensor rollout", True),
    ("How much does ISO 37122 cost?", True),
    ("Is ISO 37120 sold by our national standards institute?", True),
    ("Write a data strategy for us: which standard helps?", False),
    ("We buy sensors from five suppliers; how do we buy them through one framework?", False),
    ("Rewrite our vision statement so it sounds less corporate", True),
    ("Is ISO 37106 free to download?", True),
    ("Which edition of ISO 37120 is current?", True),
    ("When was ISO 37122 published?", True),
    ("Has ISO 37101 been revised since 2016?", True),
    ("Which standard helps us set up a sustainable development management system?", False),
    ("How do we license city data to start-ups so they can build services on it?", False),
    ("can u summarise the engagement survey results for me", True),
    ("Are the ISO 37122 and 37123 documents available in French and Spanish, or English only?", True),
    ("Is there guidance available in the public domain on open data?", False),
    ("Which committee publishes ISO/IEC 30182 - is it JTC 1 or TC 268?", True),
    ("Can someone book Room 4B for the assessment workshop on the 14th?", True),
    ("Where can I download the questionnaire for the CEN Smart Mature Resilience model?", True),
    ("Can anyone recommend a standard for open data?", False),
    ("Which certification bodies can audit us against ISO 37101 here?", True),
    ("When is the next revision of ISO 37120 expected?", True),
    ("Who sits on the working group for ISO 37106?", True),
    ("What is the annual fee to keep the certificate?", True),
    ("Who pays for the certification audit, us or the region?", True),
    ("Could we be certified against ISO 37101, and who does the certification?", True),
    ("who actually certifies cities against ISO 37122? is it ISO itself or some third party?", True),
    ("Who audits councils against ISO 37101 in Portugal?", True),
    ("who can actually certify us against 37122 - is it only WCCD or are there other bodies?", True),
    ("which bodies can certify us against ISO 37122? WCCD is the only one I know", True),
    ("Are we allowed to share our purchased copy of ISO 37106 with our partners or does the licence forbid that?",
     True),
    ("Can you pull our recycling rate for 2023 from the resilience dashboard? I just need the number", True),
    ("Please book 45 mins with Hannah and Kofi next week to go through the digital inclusion indicators", True),
    ("can you compare v3 and v4 of the smart city roadmap docx and tell me what changed", True),
    ("can you set up a 30 min call with the data team next week to go over the open data answers?", True),
    ("could you please arrange a meeting with IT about the architecture question", True),
    ("can you set up a data platform for us?", False),
    ("how do we set up a call centre residents can reach at night?", False),
    ("can you compare ISO 37101 and ISO 37104 for us?", False),
    ("we need to share data with our suppliers: is there guidance?", False),
    ("can we share our purchased PDF copy of ISO 37106 with the district council?", True),
    ("consultation here = one evening meeting + a PDF nobody reads. what should we follow", False),
    ("we want to turn our strategy pdf into something residents read: any guidance?", False),
    ("can the assessment tool export to Excel or only PDF?", True),
    ("We want to certify our sustainability management system: which standard?", False),
    ("I missed the steering group - can someone summarise what was decided about the portal relaunch?", True),
    ("the portal relaunch slipped - can we set up a data platform residents trust?", False),
    # the assistant itself
    ("who else can see what I type here? is it shared with the other cities in the benchmarking group??", True),
    ("who can see my answers?", True),
    ("which standard helps decide who can see what data?", False),
    # a piece of writing
    ("Could you write a short speech for the mayor about our smart city plans?", True),
    ("draft a 200-word press release on the new open data portal", True),
    ("we need to write a data strategy: which standard helps?", False),
    ("Could you write five talking points on digital inclusion for the council leader?", True),
    # a translation into a named language; a task on a work tracker
    ("How would you put our vision statement's title into German, or translate it into Dutch?", True),
    ("which standard helps us translate the strategy into an action plan?", False),
    ("pls close the jira ticket for the portal migration", True),
    ("could you move the open data card to done in Trello?", True),
    ("create a data inventory: which standard helps?", False),
])
def test_a_chore_or_a_price_is_recognised(question: str, chore: bool) -> None:
    assert asks_a_chore_or_a_price(question) is chore


@pytest.mark.parametrize(("question", "other_language"), [
    ("¿Qué norma nos ayuda a compartir datos con las empresas de la ciudad?", True),
    ("Como podemos medir os benefícios dos nossos projetos de cidade inteligente?", True),
    ("Wie können wir unsere Daten offen und sicher mit Partnern teilen?", True),
    ("Quelle norme pour la gestion des données de la ville?", True),
    ("Is there a standard for open data in La Paz and São Paulo?", False),
    ("open data portal", False),
])
def test_a_question_in_another_language_is_recognised(question: str, other_language: bool) -> None:
    assert is_not_english(question) is other_language


def test_the_level_names_read_are_those_of_the_knowledge_base(kb) -> None:
    import re

    from bot.retrieval.intent import _LEVEL_NAME

    for level in range(1, 6):
        assert re.fullmatch(_LEVEL_NAME, kb.level_name(level)), kb.level_name(level)


@pytest.mark.parametrize("question", [
    "Our telecom wants the rules for 5G small cells on lamp posts - permits and rent. Who do we ask in city hall?",
    "Which dimension and sub-dimension does digital inclusion sit under?",
    "Can you recommend a vendor for a city digital twin platform? Budget is about 300k.",
    "Which pilot cities helped put this maturity framework together?",
])
def test_whom_to_ask_where_the_model_files_a_topic_and_a_supplier_are_no_guidance(question: str) -> None:
    assert looks_up_a_fact(question)


def test_who_may_certify_is_no_guidance() -> None:
    assert asks_a_chore_or_a_price("Who is allowed to certify that our city is on level 4? Any accredited auditors?")


@pytest.mark.parametrize("question", [
    "How do we ask residents what they need from the one-stop shop?",
    "which standard helps us decide what to ask suppliers for in a data platform tender?",
])
def test_asking_residents_or_suppliers_is_still_guidance(question: str) -> None:
    assert not looks_up_a_fact(question)


@pytest.mark.parametrize("question", [
    "is ISO 37106 mandatory (obrigatório) for EU funding of smart city projects?",
    "Identity and privacy question: which GDPR article gives residents the right to see their data?",
    "when comment period for 37107 draft close? we want send feedback on procurement criteria",
])
def test_a_rule_an_article_of_law_and_a_deadline_are_facts(question: str) -> None:
    assert looks_up_a_fact(question)


@pytest.mark.parametrize("question", [
    "can you just draft three KPIs with baselines I can paste into the cabinet paper?",
    "heads up: the workshop has moved to Thursday 10am, can you let the channel know?",
])
def test_text_to_paste_and_a_message_to_pass_on_are_chores(question: str) -> None:
    assert asks_a_chore_or_a_price(question)


@pytest.mark.parametrize("question", [
    "Does anyone know if it'll rain tomorrow? We've got the resilience walkabout in the afternoon.",
    "Our director has quit. Who should I ping about the benefit tracking scores now?",
    "Should we do the assessment as a facilitated workshop, or just have each department fill it in on its own?",
    "Do I still have to fill in the old sustainability spreadsheet too, or has it finally died?",
    "Who on our team is supposed to fill in the digital inclusion scores?",
    "For resilience, if our action plan is adopted but we have no indicators yet, should I put a 2 or a 3?",
    "The flood plan ran out last year and nothing replaced it. Should we score ourselves 1 or 2 on resilience?",
    "Should we rate the data platform level 3 or level 4, given the board only meets twice a year?",
    "Remind me, what's the level name for 4 again?",
    "The parking sensors are down again. Who in IT should I call?",
])
def test_the_forecast_whom_to_ping_and_how_the_assessment_is_run_are_no_guidance(question: str) -> None:
    assert looks_up_a_fact(question)


def test_a_change_asked_of_the_assistant_is_a_chore() -> None:
    assert asks_a_chore_or_a_price("I think our resilience score should be a 2, not a 3. Can you change it in the "
                                   "tracker?")
    assert not asks_a_chore_or_a_price("How can we change the way departments buy technology? Which standard helps?")


def test_a_section_of_a_standard_and_when_to_open_data_are_still_guidance() -> None:
    assert not looks_up_a_fact("which section of ISO 37106 covers open data?")
    assert not looks_up_a_fact("when should we open the data platform to developers, and which standard helps?")


@pytest.mark.parametrize("question", [
    "What exactly do we need for level 3 on resilience? And do the leading and lagging indicators have to be "
    "published?",
    "whats our level on digital inclusion again? need it for Q3 report",
    "Should our digital lead or the chief exec sign off the scores for open and collaborative governance?",
    "who in the council owns the resilience action plan atm?",
])
def test_a_level_s_criteria_our_level_who_signs_off_and_who_owns_a_plan_are_facts(question: str) -> None:
    assert looks_up_a_fact(spelled_out(question))


@pytest.mark.parametrize("question", [
    "which standard do we need for level 4 on benefit tracking?",
    "nobody knows what datasets we hold, who owns them or where they live",
    "lvl 1 on attractiveness. need smth to help us work out what draws visitors/investors, baseline it. std?",
])
def test_a_standard_for_a_level_and_a_need_said_in_chat_are_still_guidance(question: str) -> None:
    assert not looks_up_a_fact(spelled_out(question))


@pytest.mark.parametrize("question", [
    "Is the CEN Smart Mature Resilience model free to use, or do we need to pay for a licence?",
    "running late to the smart city board, can u push my 2pm?",
])
def test_a_licence_and_the_diary_are_chores_or_prices(question: str) -> None:
    assert asks_a_chore_or_a_price(spelled_out(question))


@pytest.mark.parametrize("question", [
    "Quick one – who in our team actually owns the benefit tracking sheet?",
    "Honestly, is the whole self-assessment worth it, or should we just drop it? I want your opinion, not a list",
    "does the regional fund let us spend grant money on the sensor network? what are the eligibility rules?",
    "under GDPR do we legally have to show residents who looked at their records?",
])
def test_a_question_after_a_lead_in_an_opinion_a_funder_s_rules_and_the_law_are_facts(question: str) -> None:
    assert looks_up_a_fact(spelled_out(question))


@pytest.mark.parametrize("question", [
    "remind me on monday at 9 to call the procurement lead",
    "How much is ISO 37120 to buy, and can we share one copy with our partners?",
    "Who came up with the benefit mapping method in the annex — BSI or the ISO committee?",
])
def test_a_reminder_a_shared_copy_and_who_wrote_a_method_are_chores(question: str) -> None:
    assert asks_a_chore_or_a_price(spelled_out(question))


@pytest.mark.parametrize("question", [
    "Where do I find good practice on engagement that reaches everyone?",
    "wellbeing strategy - where do i start",
    "a colleague said ISO 18901 helps with checking the quality of council functions – is that the right one for us?",
    "four utilities dig up the same street every year. who has solved this?",
])
def test_where_to_start_whether_a_standard_is_the_right_one_and_who_solved_it_are_still_guidance(
        question: str) -> None:
    assert not looks_up_a_fact(spelled_out(question))
    assert not asks_a_chore_or_a_price(spelled_out(question))


@pytest.mark.parametrize("question", [
    "I can't log into the data platform since this morning, is it just me?",
    "who signs off annual leave for the smart city team?",
    "has the invoice from the sensor supplier been paid?",
    "any update on the open data portal tender?",
    "is the new benefits dashboard live yet?",
    "did finance approve the budget transfer for the engagement hub?",
])
def test_the_helpdesk_office_admin_and_news_of_work_in_hand_are_facts(question: str) -> None:
    assert looks_up_a_fact(spelled_out(question))


@pytest.mark.parametrize("question", [
    "can you send me the slides from yesterday's maturity workshop?",
    "forward this to the resilience lead please",
    "could you make a chart of our scores by dimension?",
])
def test_a_file_passed_along_and_a_chart_of_our_figures_are_chores(question: str) -> None:
    assert asks_a_chore_or_a_price(spelled_out(question))


@pytest.mark.parametrize("question", [
    "how do we make procurement simpler for small suppliers, e.g. faster invoice payment?",
    "which standard helps us build a dashboard that shows progress to residents?",
])
def test_a_need_that_names_an_invoice_or_a_dashboard_is_still_guidance(question: str) -> None:
    assert not looks_up_a_fact(spelled_out(question))
    assert not asks_a_chore_or_a_price(spelled_out(question))


@pytest.mark.parametrize("question", [
    "is the steering group thursday still 3pm or did it move to friday?",
    "the sensor supplier invoiced us twice for May, who in finance do I flag this to?",
    "should the council go for ISO 27001 for the data platform? just after opinions tbh",
])
def test_a_meeting_s_time_whom_to_flag_something_to_and_opinions_are_facts(question: str) -> None:
    assert looks_up_a_fact(spelled_out(question)) or asks_a_chore_or_a_price(spelled_out(question))


def test_who_owns_what_in_a_list_of_needs_is_still_guidance() -> None:
    question = ("we adopted the management system but nobody knows what to do first. baseline? action plan? who owns "
                "what? need something practical, step by step")
    assert not looks_up_a_fact(spelled_out(question))


@pytest.mark.parametrize("question", [
    "is anyone going to the expo this year? what dates is it on?",
    "When's the deadline for sending comments on the working draft?",
    "Is there a national funding call open we could apply to for the digital hubs?",
    "we've baselined all our KPIs but nobody tracks them, what level does that put us at for benefit tracking?",
    "the cohesion plan was approved last night, can you note that for our assessment?",
    "Finance needs a number for the PO. How much do those standards cost, and is there any discount for councils?",
])
def test_dates_deadlines_funding_calls_a_level_for_us_and_a_note_or_a_discount_are_not_guidance(question: str) -> None:
    assert looks_up_a_fact(spelled_out(question)) or asks_a_chore_or_a_price(spelled_out(question))


@pytest.mark.parametrize("question", [
    "is there a common concept model we could align our systems to?",
    "is there an agreed glossary for smart city terms?",
    "is there an ISO one for resilience?",
])
def test_whether_there_is_a_document_still_asks_for_one_by_name(question: str) -> None:
    assert seeks_guidance_by_name(question)
    assert not seeks_guidance_by_name("is there any discount for local authorities?")
    assert not seeks_guidance_by_name("is there a newer edition out yet?")


def test_a_need_stated_before_the_question_is_context_unless_it_names_guidance() -> None:
    funding = ("We want to scale the library digital-help pilot to six hubs next year. Current funding ends in March. "
               "Is there a national funding call open right now, and when's the deadline?")
    assert looks_up_a_fact(spelled_out(funding))
    assert not looks_up_a_fact(spelled_out(
        "We want to use the maturity model together with the quality matrix for local government. Is that ISO 18091?"))
    assert not looks_up_a_fact(spelled_out(
        "We want guidance on how to baseline resilience. Which standard did peer cities use?"))


def test_an_honest_opinion_asked_for_at_the_end_is_an_opinion() -> None:
    question = ("Our leader thinks the model is box ticking. For a town of 40k is it worth doing, or should we skip it "
                "and get on with the projects? honest opinion pls")
    assert looks_up_a_fact(spelled_out(question))


@pytest.mark.parametrize("question", [
    "could you list the five maturity levels for the board slide?",
    "what do we need in place to reach level 3 on benefit tracking?",
    "which of our departments should lead on open data, IT or policy?",
    "can you write the Leader's foreword for the annual report?",
    "who at the university is the best person to ask about their sensor data?",
    "the data board clashes with scrutiny, could we do Thurs 11am instead?",
    "which body does the certifying for the indicator standards in the UK?",
    "is ISO 14001 or EMAS cheaper, and does EMAS cost more to maintain each year?",
    "can whoever has the signed-off version of the roadmap drop it in this channel?",
    "what's a typical cost per phone call for councils our size? need figures, not standards",
])
def test_requests_for_the_model_s_parts_a_level_s_needs_an_owner_a_contact_a_slot_or_a_file_are_not_guidance(
        question: str) -> None:
    assert looks_up_a_fact(spelled_out(question)) or asks_a_chore_or_a_price(spelled_out(question))


@pytest.mark.parametrize("question", [
    "we want the six purposes managed as one system we could be certified against. which standard?",
    "Is there a standard for joined-up identity and consent across services? My copy of the draft is a bad PDF",
    "can we move our services online without leaving older residents behind?",
])
def test_the_model_s_parts_named_in_a_need_a_copy_of_the_draft_and_moving_services_are_still_guidance(
        question: str) -> None:
    assert not (looks_up_a_fact(spelled_out(question)) or asks_a_chore_or_a_price(spelled_out(question)))


def test_a_day_in_the_diary_is_a_whole_word() -> None:
    # "can we do Thurs 11am?" moves a meeting; "can we do satisfaction surveys" and "monthly check-ins" are needs
    assert looks_up_a_fact(spelled_out("the data board clashes with scrutiny, could we do Thurs 11am instead?"))
    assert not looks_up_a_fact(spelled_out("How many residents took part last time, and how can we do satisfaction "
                                           "surveys properly?"))
    assert not looks_up_a_fact(spelled_out("How many residents took part, and could we do monthly check-ins?"))


@pytest.mark.parametrize("question", [
    "We were a 2 on open data last time. Should I put 3 now the portal is live?",
    "does the resilience office need a council decision to count?",
    "Would our quarterly KPI report count as level 4?",
])
def test_one_level_to_record_and_what_counts_for_a_level_are_about_the_assessment(question: str) -> None:
    assert looks_up_a_fact(question)


def test_a_number_that_is_no_level_after_should_we_give_is_still_a_need() -> None:
    assert not looks_up_a_fact("Should we give 3 months notice to suppliers? Which standard helps with a pipeline?")


def test_whom_to_ask_in_a_team_of_several_words_and_a_quoted_criterion_to_count_as_are_no_needs() -> None:
    assert looks_up_a_fact("Who in the open data team should I ask for the login to the old tracker?")
    assert looks_up_a_fact("Would our heatwave plan count as a 'formal resilience management process'?")
    assert not looks_up_a_fact("Which standard helps us decide what counts as a smart service?")


@pytest.mark.parametrize("question", [
    "Should the county rate itself on digital inclusion even though the state runs the broadband programme?",
    "We're a 2 on most of the enablers. Can we average across the characteristics and give one number to council?",
])
def test_whether_to_rate_a_topic_and_how_to_add_up_the_levels_are_about_the_assessment(question: str) -> None:
    assert looks_up_a_fact(question)


@pytest.mark.parametrize("question", [
    "Which of the directorates should attend the scoring session next week?",
    "Is it ok to invite the housing association to Friday's away-day?",
    "Who's running the assessment workshop on the 12th?",
])
def test_whom_to_invite_to_a_meeting_or_the_assessment_workshop_is_about_the_meeting(question: str) -> None:
    assert looks_up_a_fact(question)


def test_inviting_partners_into_the_work_itself_is_still_a_need() -> None:
    assert not looks_up_a_fact("Which standard helps us invite residents to co-design services?")


def test_a_piece_of_writing_asked_for_after_what_it_is_about_is_a_chore() -> None:
    assert asks_a_chore_or_a_price("Our recycling rate went up again. Could you draft a paragraph for the newsletter?")
    assert not asks_a_chore_or_a_price("Our recycling rate went up again. Which standard helps us report it?")


def test_whether_to_tell_someone_is_about_the_people_not_guidance() -> None:
    assert looks_up_a_fact("Our resilience score dropped from 3 to 2. Should I tell the chief exec before the meeting?")
    assert looks_up_a_fact("should I email the mayor about it first?")
    # ... unless guidance is asked for by name
    assert not looks_up_a_fact("Should we tell the board which standard covers resilience?")


def test_a_maturity_model_wanted_is_guidance_the_maturity_model_and_its_typos_are_the_assessment() -> None:
    assert not looks_up_a_fact("We'd like a maturity model specifically for our smart community infrastructure, not "
                               "the whole city. Is there one?")
    assert looks_up_a_fact("Which characteristic of the maturity model covers open data?")
    assert looks_up_a_fact("Why does Annex C say ISO 18901 when Table 4 says ISO 18091? Is that just a typo?")


@pytest.mark.parametrize("question", [
    "When we score our resilience level, do we count the county's emergency plan or only what the town does?",
    "Does the ALMO count as part of the 'city administration' for the 3.2.2 scoring, or is it a partner?",
    "Our inclusion partnership only has the telcos on it. Does that count as multi-stakeholder, or do we need the "
    "voluntary sector too for level 5?",
    "Which councillor is in charge of the smart water meter rollout? I need to ask them something.",
])
def test_what_counts_in_the_scoring_and_which_official_does_what_are_no_needs(question: str) -> None:
    assert looks_up_a_fact(question)


def test_counting_as_a_practice_is_still_a_need() -> None:
    assert not looks_up_a_fact("How do we count emissions from the council's own fleet consistently?")
    assert not looks_up_a_fact("Should we count emissions by sector? Which standard sets out how?")  # by name


def test_a_figure_of_our_own_asked_for_is_a_fact() -> None:
    assert looks_up_a_fact("what was our emissions baseline for 2022 again? need it for the slide")
    assert not looks_up_a_fact("Which standard helps us set an emissions baseline?")


def test_who_fills_in_a_row_and_what_became_of_a_plan_are_no_needs() -> None:
    assert looks_up_a_fact("Who on our team should fill in the resilience row?")
    assert looks_up_a_fact("Was the resilience action plan approved at last night's council meeting?")
    assert not looks_up_a_fact("Which standard helps us get a resilience action plan approved?")


def test_what_a_level_requires_of_the_ones_below_is_the_assessments_business() -> None:
    assert looks_up_a_fact("Does level 4 require everything from level 3 as well, or can we skip?")
    assert looks_up_a_fact("Can we skip a level if we already have the dashboard?")
    assert not looks_up_a_fact("Which standard helps us get from level 3 to level 4 on benefit tracking?")


def test_what_came_of_a_meeting_and_a_look_at_our_own_systems_are_chores() -> None:
    assert asks_a_chore_or_a_price("Please, can you send me the acta of the last reunion about digital inclusion?")
    assert asks_a_chore_or_a_price("Can you check on our resilience dashboard whether the river sensors show a rise?")
    assert not asks_a_chore_or_a_price("Can you check on our options whether an ISO standard covers flood sensors?")
    assert not asks_a_chore_or_a_price("Can you send me the standard for resilience indicators?")


def test_what_the_assessment_should_take_into_account_is_its_business() -> None:
    assert looks_up_a_fact("For the purposes of the two-year assessment, should the Council take into account plans "
                           "contained in a draft budget which has not yet been approved?")
    assert looks_up_a_fact("Can we include the county's flood plan in our assessment?")
    assert not looks_up_a_fact("Can we include infrastructure interdependencies in our risk assessment?")
    assert not looks_up_a_fact("Which standard should we take into account when planning flood resilience?")


def test_a_colleague_a_person_to_write_to_and_what_counts_for_our_score_are_no_needs() -> None:
    assert looks_up_a_fact("Who on the team is filling in the resilience and environment rows of the assessment?")
    assert looks_up_a_fact("Who in our team is responsable for the wellbeing characteristic?")
    assert looks_up_a_fact("Our open data portal is down since this morning, to whom I should write?")
    assert looks_up_a_fact("Should the water company's innovation challenges count as evidence for our procurement "
                           "score, or only the council's own purchases?")
    assert not looks_up_a_fact("Who in our team should lead on digital inclusion, and which standard helps them?")
    assert not looks_up_a_fact("Which standard counts as evidence of good asset management?")


def test_booking_a_room_is_a_chore() -> None:
    assert asks_a_chore_or_a_price("Can we book the big meeting room for the digital inclusion workshop next Tuesday?")
    assert not asks_a_chore_or_a_price("How do we book outcomes-based contracts with suppliers?")
