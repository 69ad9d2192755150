//! The seven chapters. Quotes are the workshop deck's words (`seed/`), in Danish as written there
//! (`[…]` marks a cut, `[ ]` an editorial fix), with an English translation.

use super::{Chapter, Direction, Lever, LeverOption, Metric, Quote, Tr};

const OFF_ON: &[LeverOption] = &[
    LeverOption {
        value: "false",
        label: Tr {
            da: "Nej",
            en: "No",
        },
    },
    LeverOption {
        value: "true",
        label: Tr {
            da: "Ja",
            en: "Yes",
        },
    },
];

const SHARES: &[LeverOption] = &[
    LeverOption {
        value: "0",
        label: Tr { da: "0", en: "0" },
    },
    LeverOption {
        value: "0.3",
        label: Tr {
            da: "0,3",
            en: "0.3",
        },
    },
    LeverOption {
        value: "0.6",
        label: Tr {
            da: "0,6",
            en: "0.6",
        },
    },
    LeverOption {
        value: "0.9",
        label: Tr {
            da: "0,9",
            en: "0.9",
        },
    },
];

/// Every chapter, in reading order.
pub const CHAPTERS: &[Chapter] = &[
    Chapter {
        key: "who-comes",
        title: Tr {
            da: "Hvem kommer til borgerdialogmødet?",
            en: "Who comes to a citizen dialogue meeting?",
        },
        preset: "faxe-dialogue",
        setup: &[],
        intro: Tr {
            da: "Faxe Kommune inviterer åbent til dialogmøde om byens udviklingsstrategi. Pensionister har tid; forældre til skolebørn har travlt om eftermiddagen og aftenen.",
            en: "Faxe municipality holds an open citizen dialogue meeting on the town's strategy. Retirees have time; parents of school children are busy in the afternoon and evening.",
        },
        quote: Quote {
            text: Tr {
                da: "Der vil være en tendens til at mange af de mennesker som involverer sig i sådan et projekt her, de har en vis alder, de er færdige med arbejdslivet, og det kan nemt komme til at sætte et præg på nogle af de møder, som gør, at vægten kommer til at ligge forkert i forhold til de problematikker, man ser hvis man er noget yngre og stadigvæk har skolesøgende børn osv.",
                en: "There will be a tendency for many of the people who get involved in a project like this to be of a certain age, finished with working life, and that can easily leave its mark on some of the meetings, so that the weight ends up in the wrong place compared with the problems you see if you are somewhat younger and still have school-age children, etc.",
            },
            source: Tr {
                da: "Borger i kommunen (workshopens dias om Faxe)",
                en: "A citizen of the municipality (workshop slide on Faxe)",
            },
        },
        lever: Lever {
            path: "invitation.supports.childcare",
            label: Tr {
                da: "Børnepasning under mødet",
                en: "Childcare during the meeting",
            },
            options: OFF_ON,
            from: 0,
            to: 1,
        },
        metric: Metric::AttendeeRatio("children", "yes"),
        metric_label: Tr {
            da: "forældre til skolebørn blandt deltagerne (repræsentationsforhold, 1 = rimelig andel)",
            en: "parents of school children among attendees (representation ratio, 1 = fair share)",
        },
        question: Tr {
            da: "Kommunen tilbyder børnepasning. Hvad sker der med forældrenes andel af mødet?",
            en: "The municipality offers childcare. What happens to the parents' share of the meeting?",
        },
        finding: Tr {
            da: "I modellen kommer forældre med omkring halvdelen eller mindre af deres andel af befolkningen, og de 67+ med omkring 2,5 gange deres. Børnepasning løfter forældrenes andel tydeligt (for alle 8 frø vi prøvede), men de når ikke op på en rimelig andel.",
            en: "In the model parents come at about half their share of the population or less, and the 67+ at about 2.5 times theirs. Childcare clearly raises the parents' share (for all 8 seeds we tried), but not to a fair share.",
        },
        expected: Direction::Up,
        seeds_agree: true,
    },
    Chapter {
        key: "tordenskjold",
        title: Tr {
            da: "Tordenskjolds soldater og foreningernes mobilisering",
            en: "Tordenskjold's soldiers and association mobilisation",
        },
        preset: "faxe-dialogue",
        setup: &[("invitation.strategy", "associations")],
        intro: Tr {
            da: "Tordenskjolds soldater: de samme få dukker op overalt. Her kalder foreningerne deres medlemmer til mødet – og du bestemmer, hvor stor en del af medlemmerne de får fat i.",
            en: "Tordenskjold's soldiers (a Danish idiom): the same few people turn up everywhere. Here the associations call their members to the meeting; the share of members they reach is the lever.",
        },
        quote: Quote {
            text: Tr {
                da: "Interesseforeninger vil selvfølgelig også søge at få indflydelse som retter sig mod deres ønsker i et bestemt lokaleområde, men hvordan stiller det de almindelige borgere som ikke har en organisation i ryggen?",
                en: "Interest associations will of course also seek influence aimed at their wishes in a particular local area, but where does that leave ordinary citizens who do not have an organisation behind them?",
            },
            source: Tr {
                da: "Oplægsholderens noter til dilemmaet »Tordenskjolds soldater?«",
                en: "Presenter's notes on the dilemma “Tordenskjold's soldiers?”",
            },
        },
        lever: Lever {
            path: "invitation.mobilisation",
            label: Tr {
                da: "Andel af foreningsmedlemmer, som foreningerne kalder til mødet",
                en: "Share of association members called by their associations",
            },
            options: &[
                LeverOption {
                    value: "0",
                    label: Tr { da: "0", en: "0" },
                },
                LeverOption {
                    value: "0.2",
                    label: Tr {
                        da: "0,2",
                        en: "0.2",
                    },
                },
                LeverOption {
                    value: "0.4",
                    label: Tr {
                        da: "0,4",
                        en: "0.4",
                    },
                },
                LeverOption {
                    value: "0.6",
                    label: Tr {
                        da: "0,6",
                        en: "0.6",
                    },
                },
            ],
            from: 0,
            to: 3,
        },
        metric: Metric::AttendeeRatio("association_member", "yes"),
        metric_label: Tr {
            da: "foreningsmedlemmer blandt deltagerne (repræsentationsforhold, 1 = rimelig andel)",
            en: "association members among attendees (representation ratio, 1 = fair share)",
        },
        question: Tr {
            da: "Foreningerne mobiliserer. Hvad sker der med medlemmernes andel af mødet?",
            en: "The associations mobilise. What happens to the members' share of the meeting?",
        },
        finding: Tr {
            da: "Medlemmer er allerede overrepræsenterede ved et åbent møde, og mobiliseringen skubber dem længere op (for alle 8 frø vi prøvede). Om de også får flere af deres projekter finansieret (»organiseret indfangning« i sandkassen), svinger fra frø til frø i modellen.",
            en: "Members are already over-represented at an open meeting, and mobilisation pushes them further up (for all 8 seeds we tried). Whether they also get more of their projects funded (“organised capture” in the sandbox) varies from seed to seed in the model.",
        },
        expected: Direction::Up,
        seeds_agree: true,
    },
    Chapter {
        key: "weakest",
        title: Tr {
            da: "At engagere de svagest stillede – inviteret igen og igen",
            en: "Engaging the weakest — invited again and again",
        },
        preset: "outreach",
        setup: &[],
        intro: Tr {
            da: "Kommunen banker på døren hos de udsatte borgere. Journal of Public Deliberation (2012), citeret på workshoppen: »marginalized residents will only participate if they are invited. And then invited again, and again.«",
            en: "The municipality knocks on the doors of marginalised residents. The Journal of Public Deliberation (2012), quoted at the workshop: “marginalized residents will only participate if they are invited. And then invited again, and again.”",
        },
        quote: Quote {
            text: Tr {
                da: "Erfaringerne viser at det er vigtigt at målrette indsatser gennem PB direkte mod de svagest stillede da de ellers vil trække sig. De skal være med i processen fra starten, og ’klædes på’ til at deltage i sådanne processer.",
                en: "Experience shows that it is important to target PB efforts directly at the most disadvantaged, since otherwise they will withdraw. They must be part of the process from the start, and be 'equipped' to take part in such processes.",
            },
            source: Tr {
                da: "Oplægsholderens noter til »Engagering af de svagest stillede?«",
                en: "Presenter's notes on “Engaging the most disadvantaged?”",
            },
        },
        lever: Lever {
            path: "invitation.contacts",
            label: Tr {
                da: "Personlige henvendelser pr. udsat borger",
                en: "Personal contacts per marginalised resident",
            },
            options: &[
                LeverOption {
                    value: "1",
                    label: Tr { da: "1", en: "1" },
                },
                LeverOption {
                    value: "2",
                    label: Tr { da: "2", en: "2" },
                },
                LeverOption {
                    value: "3",
                    label: Tr { da: "3", en: "3" },
                },
                LeverOption {
                    value: "5",
                    label: Tr { da: "5", en: "5" },
                },
            ],
            from: 0,
            to: 2,
        },
        metric: Metric::AttendeeRatio("marginalised", "yes"),
        metric_label: Tr {
            da: "udsatte borgere blandt deltagerne (repræsentationsforhold, 1 = rimelig andel)",
            en: "marginalised residents among attendees (representation ratio, 1 = fair share)",
        },
        question: Tr {
            da: "Fra én til tre henvendelser pr. person. Hvad sker der med de udsattes andel af mødet?",
            en: "From one to three contacts per person. What happens to the marginalised's share of the meeting?",
        },
        finding: Tr {
            da: "Gentagne henvendelser omtrent fordobler de udsattes andel eller mere (for alle 8 frø vi prøvede). Men under grådig fordeling bliver det sjældent til indflydelse på, hvad der finansieres: de er for få til at bære et projekt alene.",
            en: "Repeated contacts roughly double the marginalised's share or more (for all 8 seeds we tried). Under greedy allocation, though, this rarely becomes influence over what is funded: they are too few to carry a project alone.",
        },
        expected: Direction::Up,
        seeds_agree: true,
    },
    Chapter {
        key: "budgets",
        title: Tr {
            da: "Symbolske eller reelle budgetter",
            en: "Symbolic or real budgets",
        },
        preset: "borgerbudget-small",
        setup: &[],
        intro: Tr {
            da: "En lille borgerbudgetpulje på 100.000\u{a0}kr. – »bænke og borde«-penge. Porto Alegre og New York (mindst 1 mio. dollar pr. distrikt) lægger langt større beløb ud. I modellen har forslagene priser fra rigtige projekter i borgerbudgetter i Polen og Zürich, så puljens størrelse afgør, hvad der kan købes – og hvem det kommer til gode.",
            en: "A small borgerbudget pool of DKK\u{a0}100,000 — 'benches and tables' money. Porto Alegre and New York (at least $1M per district) put far larger sums in citizens' hands. In the model, proposals carry the costs of real projects from participatory budgets in Poland and Zurich, so the size of the pool decides what can be bought — and whom it serves.",
        },
        quote: Quote {
            text: Tr {
                da: "I England og Brasilien, der er det virkelig store budgetter. Det tror jeg aldrig vi kommer til, og det er også derfor det ikke er så farligt…. [Vi] kalder det lidt en ’flødeskumspulje.’",
                en: "In England and Brazil, those are really big budgets. I don't think we will ever get there, and that is also why it isn't so dangerous…. We call it a bit of a 'whipped-cream pool'.",
            },
            source: Tr {
                da: "Kommunal medarbejder",
                en: "A municipal employee",
            },
        },
        lever: Lever {
            path: "budget",
            label: Tr {
                da: "Puljens størrelse",
                en: "Size of the pool",
            },
            options: &[
                LeverOption {
                    value: "100000",
                    label: Tr {
                        da: "100.000\u{a0}kr.",
                        en: "DKK\u{a0}100,000",
                    },
                },
                LeverOption {
                    value: "500000",
                    label: Tr {
                        da: "500.000\u{a0}kr.",
                        en: "DKK\u{a0}500,000",
                    },
                },
                LeverOption {
                    value: "1000000",
                    label: Tr {
                        da: "1.000.000\u{a0}kr.",
                        en: "DKK\u{a0}1,000,000",
                    },
                },
                LeverOption {
                    value: "5000000",
                    label: Tr {
                        da: "5.000.000\u{a0}kr.",
                        en: "DKK\u{a0}5,000,000",
                    },
                },
            ],
            from: 0,
            to: 3,
        },
        metric: Metric::BenefitShare("age_band", "67+"),
        metric_label: Tr {
            da: "de 67+'s andel af det, de støttede projekter gør for borgerne",
            en: "the 67+'s share of what the funded projects do for residents",
        },
        question: Tr {
            da: "Puljen vokser fra 100.000 til 5 mio. kr. Hvad sker der med de 67+'s andel af det, pengene gør for borgerne?",
            en: "The pool grows from DKK\u{a0}100,000 to 5 million. What happens to the 67+'s share of what the money does for residents?",
        },
        finding: Tr {
            da: "For dette frø falder de 67+'s andel fra 57\u{a0}% til 19\u{a0}%, og de er 23\u{a0}% af de voksne. 100.000\u{a0}kr. køber kurser, lamper og små projekter til ældre på højst omkring 40.000\u{a0}kr., og de små ældreprojekter, som mødets pensionister foreslår, passer til puljen. 5 mio. kr. køber pladser, gader og idrætsanlæg til 600.000–830.000\u{a0}kr., som mange flere har gavn af. Andelen falder (for alle 8 frø vi prøvede): i modellen flytter en større pulje pengene hen til projekter, som mange har gavn af, og væk fra de 67+. Men modellens projektkatalog er lille: der findes intet stort ældre- eller skoleprojekt i det, så en stor pulje kan slet ikke købe noget stort til de ældre. Det er netop derfor, andelen falder: i en kontrolkørsel, hvor forslagene får deres pris fra hele kataloget uanset kategori, falder den kun for halvdelen af frøene.",
            en: "For this seed the 67+'s share falls from 57% to 19%, and they are 23% of the adults. DKK\u{a0}100,000 buys courses, lamps and small projects for the elderly of at most about DKK\u{a0}40,000, and the small elderly projects the meeting's retirees propose fit the pool. DKK\u{a0}5 million buys squares, streets and sports grounds of DKK\u{a0}600,000–830,000, which serve many more. The share falls (for all 8 seeds we tried): in the model a larger pool moves the money towards projects that serve many, and away from the 67+. But the model's project catalogue is small: it holds no large project for the elderly or for schools, so a large pool cannot buy anything large for them at all. That is what makes the share fall: in a control run where proposals take their cost from the whole catalogue whatever their category, it falls for only half of the seeds.",
        },
        expected: Direction::Down,
        seeds_agree: true,
    },
    Chapter {
        key: "ideal-meeting",
        title: Tr {
            da: "Det ideelle møde og det virkelige",
            en: "The ideal meeting and the real one",
        },
        preset: "faxe-dialogue",
        setup: &[],
        intro: Tr {
            da: "Habermas' ideal: alle er stillet lige, og det bedste argument vinder. På det virkelige møde taler de sikre og de foreningsstøttede mest, og status overbeviser. En facilitator kan give alle lige taletid.",
            en: "Habermas's ideal: everyone on an equal footing, the better argument wins. At the real meeting the confident and the association-backed speak most, and status persuades. A facilitator can give everyone equal time.",
        },
        quote: Quote {
            text: Tr {
                da: "Deltagerne må være stillet lige […] Oprigtighed er en forudsætning […] At lytte og lade det gode argument (fornuften) overbevise",
                en: "The participants must be on an equal footing […] Sincerity is a precondition […] To listen and let the good argument (reason) convince",
            },
            source: Tr {
                da: "Workshopens forståelsesramme, inspireret af Jürgen Habermas",
                en: "The workshop's framework, inspired by Jürgen Habermas",
            },
        },
        lever: Lever {
            path: "meeting.format",
            label: Tr {
                da: "Mødeform",
                en: "Meeting format",
            },
            options: &[
                LeverOption {
                    value: "realistic",
                    label: Tr {
                        da: "Virkeligt (status styrer taletid og overtalelse)",
                        en: "Real (status drives speaking and persuasion)",
                    },
                },
                LeverOption {
                    value: "ideal",
                    label: Tr {
                        da: "Ideelt (faciliteret, lige taletid)",
                        en: "Ideal (facilitated, equal speaking time)",
                    },
                },
            ],
            from: 0,
            to: 1,
        },
        metric: Metric::LegitimacyInformed,
        metric_label: Tr {
            da: "overlap med det, alle ville vælge, hvis de kendte alle argumenterne (informerede ønsker)",
            en: "overlap with what everyone would choose knowing every argument (informed preferences)",
        },
        question: Tr {
            da: "Mødet faciliteres efter idealet. Kommer udfaldet tættere på det, borgerne ville vælge, hvis de kendte alle argumenterne?",
            en: "The meeting is facilitated to the ideal. Does the outcome come closer to what citizens would choose if they knew every argument?",
        },
        finding: Tr {
            da: "Nej, ikke for dette frø: overlappet med de informerede ønsker falder fra 100\u{a0}% til 72\u{a0}%, når mødet er ideelt. Over 8 frø stiger det i fire, er uændret i ét og falder i tre – modellen afgør ikke spørgsmålet. Ved et ideelt møde vinder det stærkere argument oftere ved bordet, men på det virkelige møde taler de mest vidende mest og overbeviser mere, så deltagerne lærer flere argumenter (omkring 4,1 pr. deltager mod 3,6). Og mødet er for lille til at gøre hele afstemningen bedre informeret: de fleste vælgere var der ikke, og de stemmer med de ønsker, de kom med.",
            en: "No, not for this seed: the overlap with informed preferences falls from 100% to 72% when the meeting is ideal. Over 8 seeds it rises in four, stays the same in one and falls in three: the model does not settle the question. In an ideal meeting the stronger argument wins more often at the table, but in the real one the best-informed speak most and persuade more, so attendees learn more arguments (about 4.1 each against 3.6). And the meeting is too small to make the whole vote better informed: most voters were not there and vote with the wishes they had.",
        },
        expected: Direction::Down,
        seeds_agree: false,
    },
    Chapter {
        key: "bottom-up-from-the-top",
        title: Tr {
            da: "»Bottom up« fra toppen",
            en: "'Bottom up' from the top",
        },
        preset: "faxe-dialogue",
        setup: &[],
        intro: Tr {
            da: "Kommunen vil have borgerne til at tage ejerskab, men sorterer forslag, der ikke passer med kommunens mål. Du bestemmer, hvor hårdt kommunen styrer: sandsynligheden for, at den nedlægger veto mod et forslag, der passer dårligt.",
            en: "The municipality wants citizens to take ownership, but filters out proposals that do not fit its goals. The lever is municipal control: how likely a poorly fitting proposal is to be vetoed.",
        },
        quote: Quote {
            text: Tr {
                da: "Man ønskede, at vi mere eller mindre skulle overtage det her projekt, samtidig med at man lagde en styring ned over det.",
                en: "They wanted us to more or less take over this project, while at the same time they laid down control over it.",
            },
            source: Tr {
                da: "Borger i kommunen",
                en: "A citizen of the municipality",
            },
        },
        lever: Lever {
            path: "municipality.control",
            label: Tr {
                da: "Kommunal styring (0 = ingen veto, 1 = fuld)",
                en: "Municipal control (0 = no veto, 1 = full)",
            },
            options: SHARES,
            from: 0,
            to: 3,
        },
        metric: Metric::ProposerEfficacy,
        metric_label: Tr {
            da: "forslagsstillernes tro på egen indflydelse efter kommunens afgørelser (0–1)",
            en: "proposers' sense of efficacy after the municipality's decisions (0–1)",
        },
        question: Tr {
            da: "Kommunen strammer styringen fra 0 til 0,9. Hvad sker der med forslagsstillernes tro på egen indflydelse?",
            en: "The municipality tightens control from 0 to 0.9. What happens to the proposers' sense of efficacy?",
        },
        finding: Tr {
            da: "Flere veto giver skuffede forslagsstillere: deres tro på egen indflydelse falder (for alle 8 frø vi prøvede). Over flere år (sæt »år« i sandkassen) bærer skuffelsen videre til næste års deltagelse.",
            en: "More vetoes mean disappointed proposers: their sense of efficacy falls (for all 8 seeds we tried). Over several years (set 'years' in the sandbox) the disappointment carries over into next year's participation.",
        },
        expected: Direction::Down,
        seeds_agree: true,
    },
    Chapter {
        key: "legitimacy",
        title: Tr {
            da: "Legitimitet over for dem, der ikke kom",
            en: "Legitimacy towards those who did not come",
        },
        preset: "faxe-dialogue",
        setup: &[],
        intro: Tr {
            da: "Kun omkring hver tiende stemmer om borgerbudgettet. Legitimiteten måler, hvor meget af udfaldet der ville være det samme, hvis alle havde stemt. Du bestemmer valgdeltagelsen.",
            en: "Only about one adult in ten votes on the borgerbudget. Legitimacy measures how much of the outcome would be the same if everyone had voted. The lever is turnout.",
        },
        quote: Quote {
            text: Tr {
                da: "Hvilken REEL indflydelse og rolle får de involverede borgere i forhold til politikere og embedsmænd? – …. også i forhold til de andre målgrupper, der IKKE deltager….?",
                en: "What REAL influence and role do the involved citizens get in relation to politicians and officials? – …. also in relation to the other target groups who do NOT take part….?",
            },
            source: Tr {
                da: "Workshopens dias »Demokratisk legitimitet«",
                en: "The workshop's slide “Democratic legitimacy”",
            },
        },
        lever: Lever {
            path: "vote.turnout_intercept",
            label: Tr {
                da: "Valgdeltagelse ved afstemningen",
                en: "Turnout in the vote",
            },
            options: &[
                LeverOption {
                    value: "-1.8",
                    label: Tr {
                        da: "ca. 10\u{a0}% (som i Faxe-scenariet)",
                        en: "about 10% (as in the Faxe scenario)",
                    },
                },
                LeverOption {
                    value: "-0.4",
                    label: Tr {
                        da: "ca. 28\u{a0}%",
                        en: "about 28%",
                    },
                },
                LeverOption {
                    value: "0.6",
                    label: Tr {
                        da: "ca. 50\u{a0}%",
                        en: "about 50%",
                    },
                },
                LeverOption {
                    value: "2.6",
                    label: Tr {
                        da: "ca. 87\u{a0}%",
                        en: "about 87%",
                    },
                },
            ],
            from: 0,
            to: 2,
        },
        metric: Metric::Legitimacy,
        metric_label: Tr {
            da: "legitimitet: overlap med udfaldet, hvis alle havde stemt",
            en: "legitimacy: overlap with the outcome if everyone had voted",
        },
        question: Tr {
            da: "Valgdeltagelsen stiger fra 10\u{a0}% til 50\u{a0}%. Hvad sker der med legitimiteten?",
            en: "Turnout rises from 10% to 50%. What happens to legitimacy?",
        },
        finding: Tr {
            da: "For dette frø stiger legitimiteten fra 73\u{a0}% ved 10\u{a0}% til 100\u{a0}% ved 50\u{a0}% valgdeltagelse. Over 8 frø stiger den i fire, er uændret i fire og falder i ingen. Under grådig fordeling afgør få stemmer ved grænsen, hvilke projekter der får de sidste penge, så flere vælgere bringer i nogle byer udfaldet tættere på alles og lader det være uændret i andre.",
            en: "For this seed legitimacy rises from 73% at 10% turnout to 100% at 50%. Over 8 seeds it rises in four, stays the same in four and falls in none. Under greedy allocation a few votes at the margin decide which projects get the last money, so more voters bring the outcome closer to everyone's in some towns and leave it unchanged in others.",
        },
        expected: Direction::Up,
        seeds_agree: false,
    },
];
