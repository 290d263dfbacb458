#include "gazette/demo/word_lists.hpp"

#include <array>

namespace gazette::demo {

namespace {

using sv = std::string_view;

// Places are chosen so that titles and bodies carry accents and other non-ASCII letters (search folding).
constexpr std::array<sv, 5> kGB{"Leeds", "Manchester", "Cardiff", "Glasgow", "Belfast"};
constexpr std::array<sv, 3> kIE{"Cork", "Galway", "Limerick"};
constexpr std::array<sv, 5> kDE{"Düsseldorf", "München", "Köln", "Nürnberg", "Lübeck"};
constexpr std::array<sv, 4> kFR{"Besançon", "Nîmes", "Orléans", "Créteil"};
constexpr std::array<sv, 5> kPL{"Łódź", "Kraków", "Gdańsk", "Wrocław", "Poznań"};
constexpr std::array<sv, 4> kCH{"Zürich", "Genève", "Neuchâtel", "Bern"};
constexpr std::array<sv, 5> kSE{"Malmö", "Göteborg", "Västerås", "Umeå", "Linköping"};
constexpr std::array<sv, 4> kDK{"Århus", "Ålborg", "Odense", "København"};
constexpr std::array<sv, 3> kNO{"Tromsø", "Bodø", "Bergen"};
constexpr std::array<sv, 4> kFI{"Jyväskylä", "Hämeenlinna", "Espoo", "Tampere"};
constexpr std::array<sv, 3> kIS{"Reykjavík", "Akureyri", "Ísafjörður"};
constexpr std::array<sv, 4> kES{"Málaga", "Córdoba", "León", "Cádiz"};
constexpr std::array<sv, 4> kPT{"Évora", "Setúbal", "Braga", "Porto"};
constexpr std::array<sv, 3> kNL{"Utrecht", "Groningen", "Eindhoven"};
constexpr std::array<sv, 3> kBE{"Liège", "Leuven", "Gent"};
constexpr std::array<sv, 4> kIT{"Forlì", "Cantù", "Torino", "Bologna"};
constexpr std::array<sv, 4> kAT{"Wien", "Linz", "Graz", "Klagenfurt"};
constexpr std::array<sv, 4> kCZ{"Brno", "Plzeň", "České Budějovice", "Ostrava"};
constexpr std::array<sv, 3> kHU{"Pécs", "Győr", "Debrecen"};
constexpr std::array<sv, 3> kSK{"Košice", "Žilina", "Bratislava"};
constexpr std::array<sv, 3> kEE{"Tallinn", "Tartu", "Pärnu"};
constexpr std::array<sv, 3> kLT{"Kaunas", "Šiauliai", "Klaipėda"};
constexpr std::array<sv, 4> kRO{"Timișoara", "Iași", "Brașov", "Cluj-Napoca"};
constexpr std::array<sv, 3> kTR{"İzmir", "Eskişehir", "Ankara"};
constexpr std::array<sv, 4> kUS{"Austin", "Denver", "Boston", "San José"};
constexpr std::array<sv, 4> kCA{"Montréal", "Québec", "Ottawa", "Calgary"};
constexpr std::array<sv, 4> kBR{"São Paulo", "Brasília", "Belém", "Florianópolis"};
constexpr std::array<sv, 3> kAU{"Brisbane", "Adelaide", "Perth"};
constexpr std::array<sv, 3> kNZ{"Wellington", "Auckland", "Dunedin"};
constexpr std::array<sv, 3> kJP{"Sapporo", "Kōbe", "Ōsaka"};
constexpr std::array<sv, 3> kIN{"Pune", "Bengaluru", "Chennai"};
constexpr std::array<sv, 1> kSG{"Singapore"};

constexpr std::array<DemoCountry, 32> kCountries{{
    {"GB", "the United Kingdom", "uk-and-ireland", kGB},
    {"IE", "Ireland", "uk-and-ireland", kIE},
    {"DE", "Germany", "germany", kDE},
    {"FR", "France", "france", kFR},
    {"PL", "Poland", "poland", kPL},
    {"CH", "Switzerland", "switzerland", kCH},
    {"SE", "Sweden", "nordics", kSE},
    {"DK", "Denmark", "nordics", kDK},
    {"NO", "Norway", "nordics", kNO},
    {"FI", "Finland", "nordics", kFI},
    {"IS", "Iceland", "nordics", kIS},
    {"ES", "Spain", "iberia", kES},
    {"PT", "Portugal", "iberia", kPT},
    {"NL", "the Netherlands", "benelux", kNL},
    {"BE", "Belgium", "benelux", kBE},
    {"IT", "Italy", "italy", kIT},
    {"AT", "Austria", "central-europe", kAT},
    {"CZ", "Czechia", "central-europe", kCZ},
    {"HU", "Hungary", "central-europe", kHU},
    {"SK", "Slovakia", "central-europe", kSK},
    {"EE", "Estonia", "baltics", kEE},
    {"LT", "Lithuania", "baltics", kLT},
    {"RO", "Romania", "south-east-europe", kRO},
    {"TR", "Türkiye", "south-east-europe", kTR},
    {"US", "the United States", "united-states", kUS},
    {"CA", "Canada", "canada", kCA},
    {"BR", "Brazil", "latin-america", kBR},
    {"AU", "Australia", "australasia", kAU},
    {"NZ", "New Zealand", "australasia", kNZ},
    {"JP", "Japan", "east-asia", kJP},
    {"IN", "India", "south-asia", kIN},
    {"SG", "Singapore", "south-asia", kSG},
}};

constexpr std::array<DemoCategory, 33> kCategories{{
    {"europe", "Europe", "", "Digital government across the continent."},
    {"americas", "Americas", "", "From Canada to Brazil."},
    {"asia-pacific", "Asia-Pacific", "", "Public-sector technology around the Pacific."},
    {"e-government", "E-government", "", "Online public services and how people use them."},
    {"digital-identity", "Digital identity", "", "Identity cards, logins and trust services."},
    {"health-records", "Health records", "", "Electronic records, e-prescriptions and telemedicine."},
    {"open-data", "Open data", "", "Publishing public data and what others build with it."},
    {"cloud", "Cloud and infrastructure", "", "Data centres, hosting and networks."},
    {"procurement", "Procurement", "", "How the public sector buys technology."},
    {"cybersecurity", "Cybersecurity", "", "Protecting public systems and citizens' data."},
    {"shared-services", "Shared services", "", "Back offices run together by several bodies."},
    {"smart-cities", "Smart cities", "", "Sensors, transport data and urban services."},
    {"skills", "Skills and workforce", "", "The people who run public digital services."},
    {"interviews", "Interviews", "", "Conversations with the people behind the projects."},
    {"expert-panels", "Expert panels", "", "Questions answered by practitioners."},
    {"uk-and-ireland", "United Kingdom and Ireland", "europe", ""},
    {"germany", "Germany", "europe", ""},
    {"france", "France", "europe", ""},
    {"poland", "Poland", "europe", ""},
    {"switzerland", "Switzerland", "europe", ""},
    {"nordics", "Nordic countries", "europe", ""},
    {"iberia", "Spain and Portugal", "europe", ""},
    {"benelux", "Benelux", "europe", ""},
    {"italy", "Italy", "europe", ""},
    {"central-europe", "Central Europe", "europe", ""},
    {"baltics", "Baltic states", "europe", ""},
    {"south-east-europe", "South-east Europe", "europe", ""},
    {"united-states", "United States", "americas", ""},
    {"canada", "Canada", "americas", ""},
    {"latin-america", "Latin America", "americas", ""},
    {"australasia", "Australia and New Zealand", "asia-pacific", ""},
    {"east-asia", "East Asia", "asia-pacific", ""},
    {"south-asia", "South and South-east Asia", "asia-pacific", ""},
}};

constexpr std::array<sv, 12> kTopicCategories{
    "e-government",  "digital-identity", "health-records", "open-data", "cloud",      "procurement",
    "cybersecurity", "shared-services",  "smart-cities",   "skills",    "interviews", "expert-panels"};

constexpr std::array<sv, 24> kFirstNames{"Agnieszka", "Søren",   "Inés",     "José",   "Zoë",    "Łukasz",
                                         "Margit",    "Aoife",   "Henrik",   "Chiara", "Tomasz", "Amélie",
                                         "Rui",       "Priya",   "Jonas",    "Eszter", "Noor",   "Björn",
                                         "Kateřina",  "Olumide", "Mireille", "Dawid",  "Hannah", "Kenji"};
constexpr std::array<sv, 24> kLastNames{"Nowak",   "Lindqvist", "García",  "Ferreira", "Müller",  "Kowalczyk",
                                        "Brennan", "Dubois",    "Haugen",  "Rossi",    "Novák",   "Szabó",
                                        "Okafor",  "Jansen",    "Ahmed",   "Virtanen", "Fischer", "Moreau",
                                        "Walsh",   "Ilves",     "Popescu", "Sato",     "Kaya",    "Bianchi"};

constexpr std::array<sv, 18> kRoles{"Director of Digital Services",
                                    "Chief Information Officer",
                                    "Head of Open Data",
                                    "Senior Policy Adviser",
                                    "Programme Manager, Shared Services",
                                    "Digital Transformation Lead",
                                    "Data Protection Officer",
                                    "Enterprise Architect",
                                    "Procurement Specialist",
                                    "Correspondent",
                                    "Deputy Editor",
                                    "Research Fellow",
                                    "Cloud Strategy Lead",
                                    "Head of User Research",
                                    "Chief Technology Officer",
                                    "Identity Programme Director",
                                    "Health Informatics Consultant",
                                    "Head of Cyber Resilience"};

// Fictional organisations: the demo names no real body.
constexpr std::array<sv, 18> kOrganisations{"Northbridge City Council",
                                            "Ministry of Public Administration of Westmark",
                                            "National Digital Agency of Ostland",
                                            "Gazette newsroom",
                                            "Institute for Public Sector Innovation",
                                            "Westmark Regional Health Authority",
                                            "Federal Office for Information Services",
                                            "Open Government Foundation",
                                            "Shared Services Centre East",
                                            "University of Eastholm",
                                            "Council of Lakeside Municipalities",
                                            "Southvale Tax Administration",
                                            "Harbour City Transport Authority",
                                            "Centre for Civic Technology",
                                            "Ostland Court Service",
                                            "Public Cloud Cooperative",
                                            "Association of Digital Towns",
                                            "Midland Social Insurance Office"};

constexpr std::array<sv, 60> kTags{"Shared services",
                                   "Open data",
                                   "Cloud",
                                   "Digital identity",
                                   "E-invoicing",
                                   "Procurement",
                                   "Cybersecurity",
                                   "Health records",
                                   "Interoperability",
                                   "Open source",
                                   "Accessibility",
                                   "User research",
                                   "Data protection",
                                   "GDPR",
                                   "Artificial intelligence",
                                   "Machine learning",
                                   "Broadband",
                                   "5G",
                                   "Smart cities",
                                   "E-voting",
                                   "E-signatures",
                                   "Blockchain",
                                   "Legacy systems",
                                   "Mainframes",
                                   "Agile",
                                   "Digital skills",
                                   "Citizen services",
                                   "One-stop shops",
                                   "Mobile apps",
                                   "APIs",
                                   "Data centres",
                                   "Green IT",
                                   "Budgets",
                                   "Outsourcing",
                                   "Public-private partnership",
                                   "E-health",
                                   "Telemedicine",
                                   "E-procurement",
                                   "Tax administration",
                                   "Social security",
                                   "Land registry",
                                   "E-justice",
                                   "Police IT",
                                   "Education technology",
                                   "Local government",
                                   "Central government",
                                   "EU policy",
                                   "Standards",
                                   "Identity cards",
                                   "Payments",
                                   "Chatbots",
                                   "Service design",
                                   "Digital inclusion",
                                   "Rural connectivity",
                                   "Transport data",
                                   "Geospatial data",
                                   "Archives",
                                   "Records management",
                                   "Cloud first",
                                   "Sovereign cloud"};

constexpr std::array<sv, 18> kServices{
    "parking permits",    "building permits",     "birth registrations",  "school admissions",
    "tax returns",        "benefit claims",       "waste collection",     "library loans",
    "patient records",    "e-prescriptions",      "business licences",    "land registration",
    "court filings",      "vehicle registration", "housing applications", "social care referrals",
    "pension statements", "public procurement"};

constexpr std::array<sv, 14> kTechnologies{
    "a shared cloud platform", "open-source software",     "a national identity app",
    "qualified e-signatures",  "a common API gateway",     "machine learning",
    "an open data portal",     "a single citizen account", "e-invoicing",
    "a low-code platform",     "a sovereign cloud",        "a service design toolkit",
    "a shared payments hub",   "a data exchange layer"};

constexpr std::array<sv, 8> kInstitutions{"the city council of {place}",
                                          "the tax office in {place}",
                                          "the regional health authority in {place}",
                                          "{country}'s national digital agency",
                                          "the ministry of the interior of {country}",
                                          "a group of municipalities around {place}",
                                          "the shared services centre in {place}",
                                          "the university hospital in {place}"};

// {Place} {place} {country} {service} {tech} {year} {n}: see Fill() in article_writer.cpp.
constexpr std::array<sv, 20> kTitles{"{Place} moves {service} online",
                                     "{Place} puts {service} on {tech}",
                                     "How {place} halved waiting times for {service}",
                                     "{Country} sets out a plan for {tech}",
                                     "Shared services centre in {place} takes over {service}",
                                     "{Place} opens its data on {service}",
                                     "Framework deal for {tech} signed in {place}",
                                     "Audit finds {place}'s {service} project over budget",
                                     "{Place} pilots {tech} for {service}",
                                     "Residents of {place} can now handle {service} on their phones",
                                     "Councils in {country} agree a common standard for {service}",
                                     "Interview: the team behind {place}'s new {service} service",
                                     "{Place} switches off its mainframe after {n} years",
                                     "Procurement rules slow {tech} in {place}",
                                     "Security review of {service} in {place} finds gaps",
                                     "{Country} counts the savings from {tech}",
                                     "What {place} learned from {n} years of {service} online",
                                     "{Place} and its neighbours share one back office for {service}",
                                     "Citizens in {place} rate the new {service} service",
                                     "{Country}'s regions test {tech} for {service}"};

constexpr std::array<sv, 8> kPanelQuestions{"Expert round-up: how should {place} fund {tech}?",
                                            "Expert round-up: is {tech} ready for {service}?",
                                            "Expert panel: what would you tell {country} about {service}?",
                                            "Expert round-up: shared services or local control in {place}?",
                                            "Expert panel: the first year of {tech} in {country}",
                                            "Expert round-up: who owns the data behind {service}?",
                                            "Expert panel: can small councils afford {tech}?",
                                            "Expert round-up: lessons from {place} on {service}"};

constexpr std::array<sv, 14> kIntroSentences{
    "{Institution} has moved {service} to {tech}, a change planned since {year}.",
    "Officials in {place} say the new approach to {service} will save about {n} per cent of running costs.",
    "The project, which covers {service}, is the first of its kind in {country}.",
    "Residents of {place} will notice shorter queues and fewer paper forms.",
    "Critics in {place} warn that the timetable leaves little room for testing.",
    "The decision follows a two-year pilot with {n} municipalities.",
    "{Institution} expects most requests for {service} to arrive online within a year.",
    "The budget for the work was approved in {year} after a long debate.",
    "Staff who handled {service} by hand are being retrained for advisory roles.",
    "Suppliers have until the end of the quarter to show that their systems can work with {tech}.",
    "A report published this week puts the number of users at {n} thousand.",
    "Other cities in {country} are watching {place} closely.",
    "The change was announced at a briefing in {place} on Monday.",
    "Privacy advocates have welcomed the decision to keep the data in {country}."};

constexpr std::array<sv, 24> kBodySentences{
    "The team started with the forms people abandoned most often and rebuilt them one at a time.",
    "{Institution} published its design principles before writing any code.",
    "Early versions of the service were tested with residents in libraries and community centres in {place}.",
    "Running costs fell by {n} per cent in the first full year, according to the annual report.",
    "Not everything went to plan: a data migration in {year} had to be repeated twice.",
    "The contract was split into smaller lots so that local firms could bid.",
    "Every change to {service} is now released in small steps, several times a month.",
    "Older residents can still use the counter in the town hall, and about {n} per cent do.",
    "The source code has been published so that other councils in {country} can reuse it.",
    "Integration with the national register took longer than expected.",
    "Data protection officers were involved from the first workshop.",
    "The helpdesk in {place} now answers most questions about {service} within a day.",
    "A shared data model lets neighbouring municipalities exchange cases without re-keying them.",
    "Staff say the hardest part was agreeing which paper forms could be retired.",
    "The budget for {tech} is reviewed every year by the audit office.",
    "Suppliers must publish their interfaces and support open standards.",
    "An independent review in {year} recommended moving faster on {tech}.",
    "The service handles about {n} thousand requests a month at its peak.",
    "Accessibility testing is done with screen-reader users before each release.",
    "Several ministries in {country} have asked to join the framework.",
    "The old system in {place} had run on the same hardware since {year}.",
    "Unions were consulted on how the change would affect working hours.",
    "The project board meets monthly and publishes its minutes.",
    "Residents can follow the status of their request for {service} online."};

constexpr std::array<sv, 12> kSubheadings{"What changes for residents",
                                          "How the project was run",
                                          "The cost",
                                          "Lessons for other councils",
                                          "What comes next",
                                          "The technology",
                                          "Criticism",
                                          "Security and privacy",
                                          "Working with suppliers",
                                          "The numbers",
                                          "Background",
                                          "Reactions in {place}"};

constexpr std::array<sv, 16> kListItems{"start with the services people use most",
                                        "publish the budget and the timetable",
                                        "test with real users every fortnight",
                                        "keep a paper route for those who need it",
                                        "reuse what neighbouring councils have built",
                                        "agree data standards before buying software",
                                        "split large contracts into smaller lots",
                                        "train counter staff as digital advisers",
                                        "measure waiting times before and after",
                                        "plan the switch-off of the old system early",
                                        "involve the data protection officer from day one",
                                        "publish the source code",
                                        "set up a shared helpdesk",
                                        "review security after every major release",
                                        "write the service manual in plain language",
                                        "share the results with {country}'s other regions"};

constexpr std::array<sv, 6> kLinkTexts{"the published plan", "the audit report",       "the project's blog",
                                       "the service manual", "the procurement notice", "the evaluation"};

constexpr Vocabulary kVocabulary{
    kCountries,      kCategories,     kTopicCategories, kFirstNames,   kLastNames,    kRoles,
    kOrganisations,  kTags,           kServices,        kTechnologies, kInstitutions, kTitles,
    kPanelQuestions, kIntroSentences, kBodySentences,   kSubheadings,  kListItems,    kLinkTexts};

}  // namespace

const Vocabulary& DemoVocabulary() {
  return kVocabulary;
}

}  // namespace gazette::demo
