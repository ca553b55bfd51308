#!/usr/bin/env python3
"""Generates src/lexicon/data/topics_terms.txt, the weighted term lexicon of the topic classifier.

Run from the repository root:  python3 scripts/topics_lexicon.py

The terms are written by hand from general knowledge of English news vocabulary and IPTC's topic
definitions; no evaluation data was used. Each topic lists groups of (weight, terms); a term goes to
the most specific topic it signals (its evidence also counts for the ancestors). Weights: 3 = almost
only used in this topic, 2 = strong, 1 = typical, 0.5 = weak or ambiguous. Terms in lower case match
case-insensitively; a term with a capital letter matches only as written (party names, acronyms).
The loader adds the plural of each term's last word, so list singular forms only.
"""

import pathlib

LEX = {
    # ---------------------------------------------------------------- arts, culture, entertainment
    "medtop:01000000": [
        (2, "entertainment, showbiz, show business, the arts, arts festival"),
        (1, "artist, audience, premiere, starring, fans, entertainer, celebrity news"),
    ],
    "medtop:20000002": [
        (3, "film, movie, cinema, box office, blockbuster, screenplay, film festival, oscar, "
            "academy award, golden globe, bafta, grammy, emmy, brit award, hollywood, bollywood, "
            "album, single, chart, singer, songwriter, band, concert, gig, music, musician, "
            "rapper, hip-hop, pop star, rock band, guitarist, drummer, orchestra, opera, ballet, "
            "theatre, theater, musical, west end, broadway, stage show, comedian, comedy, sitcom, "
            "actor, actress, director, film-maker, filmmaker, sequel, soundtrack, "
            "record label, record company, music industry, film industry, "
            "best actor, best actress, best film, best picture, nominee, nomination, red carpet"),
        (2, "box-office, song, tour, starred, star, cast, role, drama, thriller, "
            "documentary, animation, animated, novel, novelist, author, book, poet, poetry, "
            "painting, painter, sculpture, gallery, exhibition, museum, dance, dancer, "
            "festival, performer, performance, show, episode, series, tv series, tv show, "
            "soap opera, reality tv, reality show, talent show, studio, producer, "
            "ceremony, nominated, award-winning, hit, charts, top 10, number one, "
            "u2, rock, pop, jazz, rap, classical music, country music, download chart"),
        (1, "release, released, fan, stars, character, script, screen, stage, "
            "entertain, entertaining, award, prize, director's"),
    ],
    "medtop:20000038": [
        (2, "heritage, folklore, cultural, culture, arts council, literature, literary, "
            "language, tradition, traditional, history, historical, archaeology, "
            "archaeologist, monument, cultural heritage, unesco world heritage"),
    ],
    "medtop:20000045": [
        (2, "broadcaster, broadcasting, newspaper, journalist, journalism, editor, media, "
            "television, tv channel, radio station, radio, tv, bbc, itv, channel 4, "
            "press freedom, tabloid, magazine, publisher, publishing, viewers, ratings, "
            "viewing figures, broadcast, news channel, media group, advertising, advert, "
            "press, reporter, columnist, podcast, streaming service"),
    ],
    # ---------------------------------------------------------------- crime, law and justice
    "medtop:02000000": [
        (1, "crime, criminal, justice, law, legal, illegal, unlawful"),
    ],
    "medtop:20000082": [
        (3, "murder, murdered, manslaughter, homicide, robbery, burglary, theft, fraud, "
            "kidnapping, kidnapped, stabbing, stabbed, shooting, gunman, assault, rape, "
            "drug trafficking, smuggling, money laundering, extortion, scam, "
            "scammer, gang, organised crime, organized crime, mafia, cartel, killer, "
            "serial killer, crime scene, victim, drug dealer"),
        (2, "stolen, stole, robbed, suspect, suspects, offender, offence, offense, "
            "crimes, violent crime, knife crime, gun crime, fraudster, counterfeit, piracy, "
            "pirated, illegal copies"),
    ],
    "medtop:20000086": [
        (3, "cybercrime, cyber crime, cyber-crime, hacker, hackers, hacking, hacked, "
            "phishing, identity theft, ransomware, data breach, cyber-attack, cyber attack, "
            "cyberattack, denial of service, virus writer, online fraud, spam, spammers"),
    ],
    "medtop:20000093": [
        (3, "corruption, corrupt, bribery, bribe, bribes, embezzlement, embezzled, "
            "kickbacks, graft, anti-corruption, cronyism, nepotism"),
    ],
    "medtop:20000106": [
        (3, "court, trial, judge, jury, verdict, sentenced, sentence, convicted, conviction, "
            "acquitted, prosecutor, prosecution, defendant, plaintiff, lawsuit, sued, sue, "
            "appeal court, high court, supreme court, crown court, magistrate, magistrates, "
            "lawyer, attorney, barrister, solicitor, testimony, testified, witness, "
            "pleaded guilty, pleaded not guilty, guilty, not guilty, acquittal, "
            "jailed, jail, prison, imprisonment, prison sentence, life sentence, "
            "court case, legal action, legal battle, injunction, damages, ruling, ruled"),
        (2, "judicial, tribunal, hearing, charges, charged, indictment, indicted, "
            "bail, custody, appeal, appealed, inquest, case"),
    ],
    "medtop:20000121": [
        (2, "legislation, law, laws, bill, act of parliament, statute, constitution, "
            "constitutional, legal system, civil liberties, human rights act, "
            "copyright, patent, intellectual property, regulation, regulator, ban, banned, "
            "licence, license, legal challenge, loophole"),
    ],
    "medtop:20000129": [
        (3, "police, policeman, policewoman, police officer, detective, arrest, arrested, "
            "investigation, investigators, fbi, scotland yard, interpol, police chief, "
            "officers, raid, raided, custody, manhunt, searched, cctv, forensic"),
        (2, "investigating, investigated, charged with, questioned, detained, detention"),
    ],
    # ---------------------------------------------------------------- disaster, accident, emergency
    "medtop:03000000": [
        (1, "emergency, tragedy, devastation, devastated, casualties, death toll, "
            "injured, injuries, killed, dead, dozens dead, survivors, survivor"),
    ],
    "medtop:20000139": [
        (3, "crash, plane crash, car crash, road accident, derailment, derailed, collision, "
            "collided, explosion, blast, fire, blaze, firefighters, fire brigade, "
            "shipwreck, capsized, sank, mine accident, accident, accidents, crashed, "
            "rescue, rescued, rescuers, ambulance, paramedics, emergency services, "
            "emergency landing, injured, critical condition, pile-up"),
    ],
    "medtop:20000148": [
        (3, "earthquake, quake, tsunami, flood, flooding, floods, hurricane, typhoon, cyclone, "
            "tornado, landslide, mudslide, avalanche, volcano, volcanic eruption, eruption, "
            "wildfire, bushfire, forest fire, drought, famine, natural disaster, disaster, "
            "magnitude, aftershock, epicentre, epicenter, richter scale, storm surge, "
            "disaster zone, disaster relief"),
    ],
    "medtop:20000168": [
        (3, "emergency response, evacuation, evacuated, evacuate, relief effort, aid agencies, "
            "humanitarian aid, aid workers, search and rescue, rescue teams, relief supplies, "
            "emergency aid, state of emergency, red cross, red crescent, shelter, shelters"),
    ],
    # ---------------------------------------------------------------- economy, business, finance
    "medtop:04000000": [
        (3, "business, finance, financial, economic, economics, economist, economists"),
        (1, "money, cash, cost, costs, price, prices, billion, million, budget, funding, "
            "investment, invest, investor, investors, fund, funds"),
    ],
    "medtop:20000170": [
        (3, "company, firm, corporation, chief executive, ceo, chairman, board of directors, "
            "shareholder, shareholders, turnover, sales, bid, deal, restructuring, "
            "subsidiary, stake, dividend, brand, retailer, retail, customer, customers, "
            "consumer, consumers, market share, rival, rivals, competitor, competitors, "
            "chief financial officer, cfo, boardroom, executive, executives, "
            "outsourcing, supplier, suppliers, manufacturer, "
            "manufacturing, factory, factories, plant, products, product, output, "
            "multinational, conglomerate, start-up, startup, entrepreneur, tycoon, "
            "firm's, company's, firms, companies, group, giant, operator, stores, store, "
            "chain, goods, debt, debts, loan, loans, airline, carmaker, "
            "bid for, offer, lender, insurer, insurance, telecoms firm"),
        (2, "share, shares, stock, listed, listing, ipo, flotation, floated, sell-off, "
            "demand, supply, contract, contracts, orders, forecast, "
            "outlook, analyst, analysts, margin, margins, sector, industry, industries, "
            "business, businesses, trading, traded, expansion, expand, launch, "
            "marketing, advertising revenue, pricing, brands, sold, sell, buy, bought, "
            "cut, cuts, growth, commercial, corporate, fiscal year, financial year, "
            "accounts, accounting, audit, auditor, shares fell, shares rose"),
    ],
    "medtop:20000174": [
        (3, "bankruptcy, bankrupt, insolvency, insolvent, receivership, liquidation, "
            "creditors, chapter 11, bankruptcy protection, went bust, into administration, "
            "administrators, debt restructuring"),
    ],
    "medtop:20000178": [
        (3, "profit, profits, pre-tax profit, pre-tax profits, net profit, operating profit, "
            "revenue, revenues, earnings, quarterly results, annual results, half-year "
            "results, results, losses, net loss, profit warning, earnings per share, "
            "quarterly, full-year, first-quarter, second-quarter, third-quarter, "
            "fourth-quarter"),
    ],
    "medtop:20000189": [
        (3, "layoffs, lay-offs, laid off, job cuts, job losses, redundancies, redundancy, "
            "cost-cutting, downsizing, workforce reduction, axe jobs, shed jobs, "
            "cut jobs, jobs cut, plant closure, factory closure"),
    ],
    "medtop:20000204": [
        (3, "takeover, takeovers, merger, mergers, acquisition, acquisitions, acquire, "
            "acquired, acquiring, buyout, takeover bid, hostile bid, bid for, merge, "
            "merged, tie-up, combined company, deal to buy, agreed to buy, offer for"),
    ],
    "medtop:20000209": [
        (2, "aviation, airline industry, car industry, automotive, motor industry, "
            "steel, mining, pharmaceutical, pharmaceuticals, drugmaker, retail sector, "
            "banking, bank, banks, banking sector, telecoms, telecommunications, agriculture, "
            "farming, farmers, tourism industry, construction, property market, housing market, "
            "real estate, shipping, logistics, textile, textiles, food industry, brewer, "
            "hotel chain, supermarket, supermarkets, airport operator, airlines"),
    ],
    "medtop:20000256": [
        (3, "energy, oil, gas, natural gas, crude, crude oil, oil price, oil prices, opec, "
            "pipeline, gas pipeline, oil field, oilfield, refinery, refineries, barrel, "
            "barrels, petrol, gasoline, diesel, fuel, fuels, coal, electricity, power station, "
            "power plant, energy supply, energy security, "
            "energy cooperation, energy prices, lng, liquefied natural gas, power grid, "
            "utility, utilities, energy firm, oil company, oil giant, oil producer, "
            "gas supplies, oil exports, gas exports, energy market, hydrogen, biofuel, "
            "power cuts, blackout, oil output, drilling, fracking, shale"),
    ],
    "medtop:20000257": [
        (3, "renewable energy, renewables, renewable power, solar power, solar energy, "
            "solar panel, solar farm, wind power, wind energy, wind farm, wind turbine, "
            "offshore wind, hydropower, hydroelectric, geothermal, clean energy, "
            "green energy, biofuel, tidal power"),
    ],
    "medtop:20000265": [
        (3, "nuclear power, nuclear plant, nuclear power station, nuclear power plant, "
            "nuclear reactor, reactor, reactors, nuclear energy, nuclear fuel, "
            "nuclear waste, decommissioning, atomic energy"),
    ],
    "medtop:20000344": [
        (3, "economy, economies, economic growth, gdp, gross domestic product, "
            "recession, monetary policy, fiscal policy, unemployment rate, jobless rate, "
            "consumer spending, consumer confidence, house prices, trade deficit, "
            "budget deficit, current account deficit, public spending, public finances, "
            "national debt, government debt, imf, international monetary fund, world bank, "
            "economic slowdown, slowdown, downturn, economic recovery, recovery, "
            "growth rate, economic data, figures, statistics, exchange rate, currency, "
            "devaluation, stimulus, austerity, tax cuts, tax rises, taxation, tax, taxes, "
            "chancellor, treasury, finance minister, economic policy, g7, g8, g20, "
            "manufacturing output, industrial output, retail sales, productivity, "
            "emerging markets, developing economies, wealth, poverty line, cost of living"),
        (2, "growth, spending, borrowing, deficit, surplus, forecasts, quarter, "
            "year-on-year, annual rate, per cent, percent, economic, economically, "
            "prices, price rises, wages, incomes, pension, pensions, savings, mortgage, "
            "mortgages, lending, credit"),
    ],
    "medtop:20000350": [
        (3, "central bank, central banks, federal reserve, the fed, bank of england, "
            "european central bank, ecb, bank of japan, people's bank of china, "
            "reserve bank, central banker, rate-setting, monetary policy committee, "
            "governor of the bank"),
    ],
    "medtop:20000370": [
        (3, "inflation, deflation, consumer prices, consumer price index, cpi, "
            "retail prices index, price index, inflation rate, inflationary, "
            "cost of living, price rises, rising prices, hyperinflation"),
    ],
    "medtop:20000371": [
        (3, "interest rate, interest rates, base rate, rate rise, rate cut, rate hike, "
            "rate rises, rate cuts, borrowing costs, basis points, quarter point, "
            "half a percentage point"),
    ],
    "medtop:20000373": [
        (3, "trade, bilateral trade, trade deal, trade agreement, free trade, free-trade, "
            "trade talks, trade war, trade dispute, tariff, tariffs, import, imports, export, "
            "exports, exporter, exporters, importer, trade barriers, world trade organization, "
            "world trade organisation, wto, trade surplus, trade relationship, trade ties, "
            "trading partner, trade volume, customs, quotas, quota, protectionism, "
            "anti-dumping, dumping, trade sanctions, trade bloc, trade minister, "
            "commerce, trade fair, trade forum, economic cooperation, economic ties"),
    ],
    "medtop:20000385": [
        (3, "stock market, stock exchange, shares, share price, share prices, stocks, "
            "dow jones, nasdaq, ftse, ftse 100, nikkei, dax, cac 40, s&p 500, hang seng, "
            "wall street, the city, investors, bond, bonds, bond market, yields, "
            "currency market, foreign exchange, forex, dollar, euro, sterling, pound, yen, "
            "yuan, rouble, ruble, commodities, commodity prices, gold price, hedge fund, "
            "private equity, fund manager, traders, trader, trading, market, markets, "
            "securities, equities, index, indices, benchmark, brokers, broker, "
            "investment bank, investment banks, valuation, market value, bull market, "
            "bear market, rallied, rally, slumped, slump, tumbled, plunged, soared, "
            "market capitalisation, market capitalization, cryptocurrency, bitcoin"),
    ],
    # ---------------------------------------------------------------- education
    "medtop:05000000": [
        (3, "education, educational, university, universities, college, colleges, "
            "student, students, pupil, pupils, school, schools, teacher, teachers, "
            "teaching, classroom, curriculum, exam, exams, examination, degree, graduate, "
            "graduates, undergraduate, tuition fees, tuition, scholarship, academic, "
            "academics, campus, professor, lecturer, headteacher, head teacher, "
            "primary school, secondary school, high school, literacy, learning, "
            "education secretary, education minister, ofsted, gcse, a-level, a-levels, "
            "higher education, further education, institute of technology, schooling, "
            "educational cooperation, academic exchange, student exchange"),
    ],
    "medtop:20000400": [
        (2, "nursery, kindergarten, school meals, school leavers, truancy, league tables, "
            "school year, schoolchildren, school children, state school, private school, "
            "faith school, academy school"),
    ],
    "medtop:20000416": [
        (2, "teaching union, teachers' union, teacher training, teaching staff"),
    ],
    # ---------------------------------------------------------------- environment
    "medtop:06000000": [
        (3, "environment, environmental, environmentalist, environmentalists, ecology, "
            "ecological, ecosystem, ecosystems, biodiversity, sustainability, sustainable, "
            "green groups, friends of the earth, greenpeace, wwf"),
    ],
    "medtop:20000418": [
        (3, "climate change, global warming, greenhouse gas, greenhouse gases, "
            "carbon emissions, emissions, carbon dioxide, co2, kyoto protocol, kyoto, "
            "paris agreement, net zero, carbon neutral, climate, sea levels, rising sea, "
            "fossil fuels, carbon footprint, climate talks, cop, ipcc, decarbonisation"),
    ],
    "medtop:20000420": [
        (3, "conservation, endangered species, endangered, extinction, extinct, wildlife, "
            "habitat, habitats, national park, nature reserve, rainforest, deforestation, "
            "poaching, poachers, protected area, reforestation, conservationists"),
    ],
    "medtop:20000424": [
        (3, "pollution, polluted, pollutant, pollutants, air pollution, water pollution, "
            "smog, toxic waste, waste, recycling, recycled, landfill, plastic waste, "
            "oil spill, contamination, contaminated, sewage, litter"),
    ],
    "medtop:20000430": [
        (2, "natural resources, water supply, water shortage, forests, fisheries, "
            "fish stocks, minerals, rare earths, land use, groundwater"),
    ],
    # ---------------------------------------------------------------- health
    "medtop:07000000": [
        (3, "health, healthcare, health care, medical, medicine, medicines, public health, "
            "world health organization, world health organisation, who, nhs, "
            "health service, health secretary, health minister, ministry of health, "
            "health officials, health experts, wellbeing, well-being"),
    ],
    "medtop:20000446": [
        (3, "disease, diseases, illness, illnesses, cancer, tumour, tumor, diabetes, "
            "heart disease, stroke, obesity, dementia, alzheimer's, hiv, aids, malaria, "
            "tuberculosis, flu, influenza, bird flu, pandemic, epidemic, outbreak, virus, "
            "infection, infections, infected, infectious, covid, covid-19, coronavirus, "
            "sars, measles, ebola, cholera, symptoms, diagnosis, diagnosed, asthma, "
            "depression, mental health, mental illness, autism, allergy, allergies, "
            "condition, chronic, patients with, sufferers, superbug, mrsa, vaccine, vaccines, "
            "vaccination, immunisation, immunization, addiction, smoking, smokers"),
    ],
    "medtop:20000461": [
        (3, "hospital, hospitals, clinic, clinics, ward, wards, a&e, accident and emergency, "
            "intensive care, care home, care homes, surgery, gp surgery, hospice"),
    ],
    "medtop:20000464": [
        (3, "treatment, treatments, therapy, drug, drugs, medication, prescription, "
            "transplant, operation, surgeon, surgeons, chemotherapy, antibiotics, "
            "antibiotic, clinical trial, clinical trials, dose, doses, cure, treated, "
            "screening, side effects, painkillers"),
    ],
    "medtop:20000480": [
        (3, "nhs trust, waiting lists, waiting list, waiting times, health reform, "
            "health spending, medicare, medicaid, health insurance, health coverage"),
    ],
    "medtop:20000485": [
        (3, "doctor, doctors, nurse, nurses, physician, physicians, gp, gps, midwife, "
            "midwives, paramedic, medical staff, consultant, consultants, surgeon, "
            "british medical association, bma, medical profession, patients, patient"),
    ],
    # ---------------------------------------------------------------- human interest
    "medtop:08000000": [
        (1, "human interest, heartwarming, quirky, bizarre, oddly, viral, "
            "centenarian, 100th birthday, royal family, queen, prince, princess, royal wedding, "
            "royal, duke, duchess"),
        # Family milestones and reunions: the everyday stories of the section.
        (2, "wedding anniversary, golden wedding, diamond wedding, grandchildren, "
            "great-grandchildren, grandchild, great-grandmother, great-grandfather, "
            "long-lost, reunited, reunion, birthday party, 90th birthday, 80th birthday, "
            "oldest woman, oldest man, good samaritan, act of kindness"),
    ],
    "medtop:20000498": [
        (2, "award, awards, prize, prizes, winner, winners, honoured, honored, honour, "
            "medal, accolade, nobel prize, trophy, prize-winning, shortlisted, shortlist"),
    ],
    "medtop:20000500": [
        (3, "animal, animals, dog, dogs, cat, cats, pet, pets, zoo, horse, horses, bird, "
            "birds, whale, whales, dolphin, elephant, elephants, panda, lion, tiger, monkey, "
            "puppy, kitten, rspca, vet, vets, veterinary, species, animal welfare"),
    ],
    "medtop:20000505": [
        (3, "celebrity, celebrities, star's, pop star, supermodel, model, paparazzi, "
            "socialite, gossip, fame, famous, stardom, wedding, married, divorce, engaged"),
    ],
    # ---------------------------------------------------------------- labour
    "medtop:09000000": [
        (3, "labour market, labor market, workforce, workers, worker, employees, employee, "
            "staff, jobs, job, employment, employer, employers, workplace, working hours, "
            "labour, labor"),
    ],
    "medtop:20000509": [
        (3, "hiring, recruitment, recruit, vacancies, job creation, jobs market, "
            "full-time, part-time, contract workers, wage, wages, salary, salaries, pay rise, "
            "minimum wage, pay, bonus, bonuses, sacked, fired, hired, new jobs, careers"),
    ],
    "medtop:20000523": [
        (2, "skills shortage, labour shortage, labor shortage, migrant workers, "
            "work permit, work permits, jobs figures, payrolls, non-farm payrolls"),
    ],
    "medtop:20000524": [
        (3, "strike, strikes, striking, walkout, industrial action, industrial dispute, "
            "pay dispute, pay deal, collective bargaining, picket, picket line, "
            "working conditions, pay talks, lockout, work-to-rule"),
    ],
    "medtop:20000533": [
        (3, "unemployment, unemployed, jobless, out of work, jobseekers, dole, "
            "unemployment benefit, jobless claims, jobless total"),
    ],
    "medtop:20000536": [
        (3, "union, unions, trade union, trade unions, union leader, union members, tuc, "
            "labor union, labour union, unison, unite union, gmb, afl-cio, "
            "general secretary"),
    ],
    # ---------------------------------------------------------------- lifestyle and leisure
    "medtop:10000000": [
        (2, "lifestyle, leisure, hobby, hobbies, holiday, holidays, vacation, "
            "travel, travellers, tourists, tourist, tourism, destination, resort"),
    ],
    "medtop:20000538": [
        (3, "gardening, garden, cooking, recipe, recipes, chef, restaurant, restaurants, "
            "cuisine, food, wine, beer, fishing, hiking, camping, cruise, theme park, "
            "games night, puzzle, crossword, board game, shopping, christmas shopping"),
    ],
    "medtop:20000565": [
        (3, "fashion, fashion week, designer, catwalk, clothing, clothes, beauty, cosmetics, "
            "make-up, hairstyle, diet, dieting, fitness, gym, exercise, yoga, wellness, "
            "home, homes, interior design, dating, relationships"),
    ],
    # ---------------------------------------------------------------- politics
    "medtop:11000000": [
        (3, "politics, political, politician, politicians, party, parties, "
            "opposition, opposition party, ruling party, parliament, parliamentary, mp, mps, "
            "member of parliament, senator, senators, senate, congress, congressman, "
            "congresswoman, house of commons, house of lords, commons, lords, peers, "
            "westminster, downing street, white house, kremlin, prime minister, president, "
            "presidential, minister, ministers, cabinet, secretary of state, "
            "Labour, Tory, Tories, Conservative, Conservatives, Lib Dem, Lib Dems, "
            "Liberal Democrats, Liberal Democrat, Democrats, Republicans, Democrat, "
            "Republican, SNP, Plaid Cymru, UKIP, shadow, shadow chancellor, "
            "shadow minister, backbench, backbencher, backbenchers, frontbench, whip, whips, "
            "manifesto, policy, policies, reform, reforms, legislation, lawmakers, "
            "legislators, legislature, speaker, leader, party leader, leadership, "
            "democracy, democratic, dictatorship, regime, authoritarian, mayor, governor, "
            "home secretary, foreign secretary, chancellor of the exchequer, "
            "spokesman, spokeswoman, ministry, department, constituency, constituents, "
            "campaign, campaigning, campaigners, pledge, pledged, u-turn, "
            "ideology, left-wing, right-wing, centre-left, centre-right, populist, "
            "nationalist, socialist, liberal, conservative, coalition"),
        (2, "vote, votes, voted, voting, bill, debate, debated, motion, amendment, "
            "committee, inquiry, official, officials, state, national, nation, nations, "
            "country, countries, leaders, citizens, public, rights, freedom, sovereignty, "
            "independence, human rights"),
    ],
    "medtop:20000574": [
        (3, "election, elections, general election, electoral, electorate, voters, voter, "
            "ballot, ballots, polling, polling station, polls, opinion poll, poll, "
            "candidate, candidates, candidacy, campaign trail, election campaign, "
            "referendum, turnout, constituency, marginal seats, seat, seats, majority, "
            "landslide, re-election, re-elected, elected, primary, primaries, "
            "run-off, runoff, by-election, exit poll, postal votes, postal voting, "
            "electoral commission, hustings, swing voters, vote share, inauguration"),
    ],
    "medtop:20000593": [
        (3, "government, governments, administration, cabinet, ministry, minister, "
            "prime minister, president, premier, head of state, state council, "
            "civil service, civil servants, whitehall, home office, foreign office, "
            "government officials, government spokesman, cabinet minister, "
            "ministerial, department of, secretary, governing, state-owned, state media, "
            "national development, state affairs, sovereign"),
        # offices and bodies of government that news names by title
        (2, "chancellor, treasury, budget, Scottish Executive, Scottish Parliament, "
            "Welsh Assembly, Northern Ireland Assembly, National Assembly, devolution, "
            "devolved, first minister, deputy prime minister, attorney general, "
            "public spending, public finances, spending review, government borrowing"),
    ],
    "medtop:20000621": [
        (3, "government policy, policy, policies, proposals, plans, white paper, "
            "green paper, consultation, reform, reforms, initiative, strategy, scheme, "
            "immigration policy, asylum policy, defence policy, foreign policy, "
            "security policy, public services, spending plans, regulation, regulations, "
            "identity cards, id cards, national security"),
    ],
    "medtop:20000638": [
        (3, "international relations, foreign policy, foreign minister, foreign ministers, "
            "foreign affairs, foreign secretary, secretary of state, bilateral, g8, "
            "bilateral relations, multilateral, united nations, un, un security council, "
            "security council, general assembly, nato, european union, eu, g7, g20, brics, "
            "asean, african union, sco, shanghai cooperation organisation, "
            "geopolitical, geopolitics, international community, "
            "world leaders, global, international, superpower, allies, ally, alliance, "
            "partnership, strategic partnership, sovereignty, territorial, "
            "western nations, western countries, the west, west, neighbours, neighbors, "
            "relations, ties, cooperation, co-operation, mutual, partner, partners, "
            "international arena, world order, multipolar, hegemony, counterpart, "
            "nuclear programme, nuclear program, uranium enrichment, enrichment, "
            "non-proliferation, nuclear talks, weapons inspectors, arms control, "
            "foreign aid, development aid, aid package, bloc, member states"),
    ],
    "medtop:20000642": [
        (3, "sanctions, sanction, economic sanctions, trade sanctions, embargo, embargoes, "
            "asset freeze, assets frozen, travel ban, blacklist, blacklisted, "
            "sanctions regime, impose sanctions, lift sanctions"),
    ],
    "medtop:20000639": [
        (3, "diplomacy, diplomatic, diplomat, diplomats, ambassador, ambassadors, embassy, "
            "embassies, consulate, envoy, envoys, summit, summits, state visit, official visit, "
            "joint statement, communique, treaty, treaties, accord, talks, negotiations, "
            "negotiator, negotiators, diplomatic ties, diplomatic relations, "
            "diplomatic efforts, bilateral talks, bilateral ties, bilateral relations, "
            "memorandum of understanding, visit, visited, visits, host, hosted, welcome, "
            "reception, delegation, delegations, counterpart, counterparts, "
            "foreign policy coordination, friendship, "
            "good neighbours, good neighbors, mediation, mediator, recognition"),
    ],
    # ---------------------------------------------------------------- religion
    "medtop:12000000": [
        (3, "religion, religious, faith, church, churches, mosque, mosques, temple, "
            "synagogue, cathedral, pope, vatican, bishop, archbishop, priest, priests, "
            "imam, rabbi, clergy, christian, christians, christianity, muslim, muslims, "
            "islam, islamic, jewish, jews, judaism, hindu, hindus, hinduism, buddhist, "
            "buddhism, sikh, catholic, catholics, protestant, anglican, evangelical, "
            "worship, prayer, prayers, pilgrimage, pilgrims, god, bible, koran, quran, "
            "ramadan, easter, christmas, diwali, eid, hanukkah, sermon, theology, "
            "secular, atheist, atheism, blasphemy, holy"),
    ],
    "medtop:20000657": [
        (2, "belief, beliefs, sect, cult, denomination, spiritual, spirituality"),
    ],
    "medtop:20000697": [
        (2, "parish, monastery, shrine, chapel, abbey, minster"),
    ],
    "medtop:20000703": [
        (2, "cardinal, dalai lama, ayatollah, vicar, pastor, monk, monks, nun, nuns"),
    ],
    # ---------------------------------------------------------------- science and technology
    "medtop:13000000": [
        (3, "science, scientific, scientist, scientists, technology, technologies, "
            "technological, tech, innovation, innovative, high-tech, hi-tech, "
            "research and development, r&d"),
    ],
    "medtop:20000710": [
        (3, "genetic, genetics, gene, genes, dna, genome, stem cell, stem cells, cloning, "
            "biotech, biotechnology, biology, biologist, neuroscience, brain, cells, "
            "protein, molecule, medical research, biomedical, embryo, embryos"),
    ],
    "medtop:20000717": [
        (3, "physics, physicist, chemistry, chemist, astronomy, astronomer, astronomers, "
            "planet, planets, mars, moon, telescope, galaxy, galaxies, universe, star, "
            "comet, asteroid, nasa, esa, space agency, spacecraft, space station, probe, "
            "orbit, satellite, satellites, rocket, launch pad, astronaut, astronauts, "
            "geology, geologist, fossil, fossils, dinosaur, dinosaurs, evolution, "
            "mathematics, mathematician, particle, quantum, laboratory, lab, "
            "experiment, experiments, specimen, climate scientists"),
    ],
    "medtop:20000735": [
        (3, "research, researcher, researchers, study, studies, journal, published in, "
            "findings, peer-reviewed, scientific cooperation, academy of sciences, "
            "research institute, research centre, research center, research team, "
            "professor, university researchers, data, survey, report, analysis"),
    ],
    "medtop:20000756": [
        (3, "computer, computers, computing, software, hardware, internet, online, web, "
            "website, websites, web browser, browser, search engine, broadband, wi-fi, "
            "wireless, mobile phone, mobile phones, mobile, mobiles, smartphone, "
            "smartphones, handset, handsets, cellphone, cellphones, laptop, laptops, "
            "pc, pcs, tablet, gadget, gadgets, device, devices, digital, electronics, "
            "consumer electronics, chip, chips, microchip, semiconductor, processor, "
            "processors, silicon valley, it, IT, information technology, telecom, "
            "network, networks, 3g, 4g, 5g, bandwidth, download, downloads, downloading, "
            "upload, file-sharing, peer-to-peer, p2p, email, e-mail, e-mails, emails, "
            "blog, blogs, blogger, bloggers, social media, social network, "
            "app, apps, application, applications, operating system, windows, linux, "
            "open source, microsoft, apple, google, ibm, intel, sony, nokia, "
            "samsung, yahoo, amazon, facebook, twitter, ebay, "
            "video game, video games, games console, console, consoles, gaming, gamers, "
            "playstation, xbox, nintendo, ipod, iphone, ipad, mp3, mp3 player, "
            "dvd, dvds, high-definition, hd, hdtv, digital tv, camera, cameras, "
            "robot, robots, robotics, algorithm, algorithms, data centre, cloud computing, cyber, cybersecurity, "
            "cyber security, hackers, virus, viruses, spyware, malware, spam, "
            "security flaw, encryption, users, user, engineers, engineering, engineer, "
            "technology firm, tech firm, tech giant, telecoms, technical, "
            "industry standard, electric vehicle, electric vehicles, battery, batteries, "
            "connectivity, innovation, nanotechnology, 3d"),
        (2, "phone, phones, telephone, text message, text messages, sms, camera phone, "
            "net users, the net, web users, internet users, surfers, search, searches, "
            "digital music, music downloads, online music, media player, music player, "
            "portable player, hard drive, hard disk, storage, memory, gigabyte, gigabytes, "
            "megabyte, megapixel, pixel, pixels, screen, screens, display, flat screen, "
            "high-speed, net, voip, internet telephony, wireless network, bluetooth, "
            "sat-nav, gps, mobile operator, mobile operators, network operator, "
            "digital camera, digital cameras, camcorder, television set, set-top box, "
            "technology company, electronics firm, software firm, software maker, "
            "computer maker, chipmaker, chip maker, piracy, pirated, copy protection, "
            "digital rights, drm, firewall, password, passwords, identity theft, "
            "cyber-attack, cyber attack, denial of service, worm, trojan, patch, "
            "programmer, programmers, code, developer, developers, gamer, game developer, "
            "games industry, games maker, game, games, virtual, virtual reality, "
            "simulation, interactive, multiplayer, handheld, portable, gadget show"),
    ],
    "medtop:20001298": [
        (3, "artificial intelligence, AI, machine learning, neural network, neural networks, "
            "deep learning, chatbot, chatbots, large language model, language models, "
            "generative ai, computer vision, speech recognition, ai model, ai models"),
    ],
    # ---------------------------------------------------------------- society
    "medtop:14000000": [
        (2, "society, social, community, communities, charity, charities, "
            "campaign group, pressure group, civil society, ngo, ngos, volunteers, "
            "volunteer, activist, activists, inequality, equality"),
    ],
    "medtop:20000768": [
        (2, "neighbourhood, neighborhood, local community, residents, villagers, "
            "community leaders, town, village, council, local council"),
    ],
    "medtop:20000770": [
        (3, "population, census, birth rate, fertility rate, ageing population, "
            "aging population, life expectancy, demographic, demographics"),
    ],
    "medtop:20000771": [
        (3, "immigration, immigrant, immigrants, migrant, migrants, migration, asylum, "
            "asylum seekers, asylum seeker, refugee, refugees, deportation, deported, "
            "border control, illegal immigrants, visa, visas, citizenship"),
    ],
    "medtop:20000775": [
        (3, "discrimination, racism, racist, racial, sexism, sexist, homophobia, "
            "homophobic, prejudice, hate crime, equal rights, gender equality, "
            "gender pay gap, civil rights, minority, minorities, ethnic minority, lgbt, "
            "gay rights, same-sex, disability, disabled"),
    ],
    "medtop:20000780": [
        (3, "family, families, parents, parent, children, child, mother, father, "
            "mothers, fathers, marriage, divorce, childcare, child care, adoption, "
            "grandparents, teenagers, teenager, youngsters, young people"),
    ],
    "medtop:20000802": [
        (3, "homeless, homelessness, poverty, anti-social behaviour, antisocial behaviour, "
            "binge drinking, alcohol abuse, drug abuse, gambling, prostitution, "
            "child abuse, domestic violence, abuse, social exclusion, deprivation, slums"),
    ],
    "medtop:20000817": [
        (3, "welfare, benefits, benefit claimants, social security, pensioners, "
            "state pension, child benefit, tax credits, food banks, food bank, housing benefit, "
            "social services, social care, social workers"),
    ],
    # ---------------------------------------------------------------- sport
    "medtop:15000000": [
        (3, "sport, sports, sporting, athlete, athletes, athletics, olympic, olympics, "
            "olympic games, champion, champions, championship, championships, "
            "tournament, title, medal, medals, gold medal, silver medal, bronze medal, "
            "coach, coaches, manager, team, teams, squad, captain, player, players, "
            "match, matches, game, games, season, league, cup, final, finals, "
            "semi-final, semi-finals, quarter-final, quarter-finals, fixture, fixtures, "
            "win, won, victory, defeat, defeated, beat, beaten, draw, drew, lost, "
            "score, scored, scoring, record, world record, race, races, racing, "
            "runner, runners, marathon, sprint, sprinter, relay, hurdles, "
            "rugby, rugby union, rugby league, six nations, golf, golfer, boxing, boxer, "
            "formula one, f1, grand prix, motorsport, cycling, cyclist, tour de france, "
            "swimming, swimmer, rowing, sailing, skiing, snooker, darts, "
            "horse racing, jockey, hockey, baseball, american football, nfl, nba, "
            "world cup, injury, injured, fitness, doping, drugs test, iaaf, ioc, "
            "stadium, fans, supporters, home side, away, opponent, opponents, "
            "referee, umpire, debut, selection, selected, international, caps, "
            "trophy, qualifier, qualifiers, qualifying, qualify, knockout, "
            "try, tries, wicket, innings, points, point, lead, half-time, second half, "
            "first half, minutes, minute, seconds, lap, laps, finish, finished, "
            "world champion, european champion, olympic champion, title defence, "
            "grand slam, personal best, indoor, outdoor, event, events, competition, "
            "compete, competing, rankings, ranked, seed, seeded, round, rounds"),
        # shared by football, rugby, hockey and others: sport, but no particular one
        (1.5, "penalty, penalties, free-kick, free kick, corner, goal, goals, header, "
              "red card, yellow card, sent off, hat-trick, relegation, relegated, pitch, "
              "promotion, promoted, boss, sin bin, scrum, line-out, conversion, "
              "scrum-half, fly-half, prop, lock, flanker, winger"),
        # North American sports
        (3, "baseball, inning, innings, home run, homer, pitcher, pitchers, batter, "
            "strikeout, strikeouts, shortstop, outfielder, world series, mlb, major league, "
            "major league baseball, american league, national league, quarterback, "
            "touchdown, touchdowns, field goal, super bowl, linebacker, running back, "
            "wide receiver, nhl, stanley cup, ice hockey, puck, playoff, playoffs, "
            "postseason, nascar, pga, pga tour, rookie, roster, free agent, "
            "head coach, ncaa, college football, slam dunk, sox, yankees"),
    ],
    "medtop:20001065": [
        (3, "football, soccer, premiership, premier league, fa cup, champions league, "
            "uefa, fifa, striker, strikers, midfielder, midfielders, defender, defenders, "
            "goalkeeper, goalkeepers, keeper, goalless, equaliser, equalizer, "
            "offside, transfer window, gaffer, "
            "la liga, serie a, bundesliga, championship side, dugout, "
            "arsenal, chelsea, liverpool, manchester united, man utd, manchester city, "
            "everton, newcastle, tottenham, celtic, rangers, real madrid, barcelona, "
            "ac milan, inter milan, juventus, bayern munich, clean sheet, winger"),
    ],
    "medtop:20000851": [
        (3, "basketball, nba, slam dunk, rebounds, point guard, three-pointer, "
            "free throws, lakers, celtics"),
    ],
    "medtop:20000888": [
        (3, "cricket, cricketer, test match, test series, batsman, batsmen, bowler, "
            "bowlers, bowling, wicket, wickets, innings, century, ashes, one-day, odi, "
            "twenty20, t20, icc, wicketkeeper, spinner, seamer, all-rounder, lbw, "
            "run out, declared, ecb, not out"),
    ],
    "medtop:20001085": [
        (3, "tennis, wimbledon, us open, french open, australian open, roland garros, "
            "atp, wta, davis cup, grand slam, seed, seeded, set, sets, straight sets, "
            "tie-break, tiebreak, serve, serving, ace, aces, break point, match point, "
            "baseline, forehand, backhand, clay court, grass court"),
    ],
    "medtop:20001108": [
        (2, "olympics, olympic games, world cup, world championships, commonwealth games, "
            "paralympics, paralympic games, european championships, tournament, meeting, "
            "grand prix, open"),
    ],
    # ---------------------------------------------------------------- conflict, war and peace
    "medtop:16000000": [
        (3, "war, wars, conflict, conflicts, warfare, military, troops, soldier, soldiers, "
            "army, armed forces, navy, air force, defence, defense, defence ministry, "
            "pentagon, ministry of defence, weapon, weapons, arms, missile, missiles, "
            "nuclear weapons, security, security forces, militants, militant, "
            "insurgents, insurgency, rebels, rebel, fighting, fighters, violence, "
            "crisis, tensions, escalation, escalating, hostilities"),
        (2, "defense-related, military activities, military band, gun salute, "
            "military exercise, military drills, drills, veterans"),
    ],
    "medtop:20000053": [
        (3, "terrorism, terrorist, terrorists, terror, terror attack, terrorist attack, "
            "suicide bomber, suicide bombing, bomber, bombing, bombings, car bomb, "
            "al-qaeda, al qaeda, islamic state, isis, isil, jihadist, jihadists, "
            "extremist, extremists, extremism, radicalisation, counter-terrorism, "
            "anti-terror, hostage, hostages, beheaded"),
    ],
    "medtop:20000056": [
        (3, "armed conflict, invasion, invaded, occupation, offensive, airstrike, "
            "airstrikes, air strike, air strikes, shelling, artillery, bombardment, "
            "frontline, front line, battle, battles, combat, casualties, ceasefire, "
            "cease-fire, truce, civil war, insurgency, guerrilla, guerrillas, "
            "tank, tanks, drone strike, drone strikes, drones, war crimes, "
            "killed in action, war-torn, warring, militia, militias, "
            "ukraine war, gaza, hamas, hezbollah, taliban, idf"),
    ],
    "medtop:20000065": [
        (3, "protest, protests, protesters, protestors, demonstration, demonstrations, "
            "demonstrators, riot, riots, rioting, rioters, unrest, uprising, "
            "crackdown, tear gas, rally, rallies, march, marchers, clashes, clashed, "
            "coup, revolution, dissident, dissidents, civil disobedience"),
    ],
    "medtop:20000073": [
        (3, "peace, peace process, peace talks, peace deal, peace agreement, "
            "peace plan, peacekeeping, peacekeepers, reconciliation, disarmament, "
            "ceasefire talks, armistice, negotiated settlement, stability"),
    ],
    # ---------------------------------------------------------------- weather
    "medtop:17000000": [
        (3, "weather, met office, meteorologist, meteorologists, meteorological, "
            "national weather service, forecasters"),
    ],
    "medtop:20001128": [
        (3, "weather forecast, weather forecasts, sunny spells, showers, "
            "temperatures, temperature, degrees celsius, celsius, fahrenheit"),
    ],
    "medtop:20001129": [
        (3, "rain, rainfall, snow, snowfall, heatwave, heat wave, cold snap, frost, "
            "fog, gales, gale, storm, storms, thunderstorm, thunderstorms, blizzard, "
            "hail, sleet, ice, icy, wind, winds, gusts, humidity, monsoon, el nino, "
            "freezing, sub-zero, downpour, downpours, heavy rain"),
    ],
}


# Common words that would mislead at the weight of their group: removed, re-weighted or made
# case-sensitive here, so the groups above stay readable.
REMOVE = {
    "it", "set", "sets", "serve", "serving", "open", "meeting", "model", "home", "homes", "try",
    "tries", "u2", "march", "marchers", "cop", "star",
}
# term -> weight, whatever its group said (applies to every topic the term is listed for)
REWEIGHT = {
    "points": 1, "point": 0.5, "lead": 0.5, "minutes": 0.5, "minute": 0.5, "seconds": 0.5,
    "record": 1, "round": 0.5, "rounds": 0.5, "event": 0.5, "events": 0.5, "title": 1.5,
    "win": 1.5, "won": 1.5, "draw": 1, "drew": 1, "lost": 0.5, "beat": 1, "beaten": 1,
    "injury": 1.5, "injured": 1, "fans": 1, "international": 0.5, "selection": 1,
    "finish": 1, "finished": 1, "competition": 1, "seed": 1, "seeded": 1, "final": 1.5,
    "game": 1, "games": 1, "season": 2, "team": 1.5, "teams": 1.5, "lap": 1, "laps": 1,
    "score": 1.5, "scored": 2, "victory": 1.5, "defeat": 1.5, "defeated": 1.5, "indoor": 1,
    "outdoor": 0.5, "fitness": 1, "compete": 1, "competing": 1, "away": 0.5, "race": 1.5,
    "races": 1.5, "racing": 1.5, "round": 0.5, "ranked": 1, "rankings": 1.5,
    "champion": 2, "champions": 2, "supporters": 1, "captain": 1.5, "manager": 1.5,
    "coach": 1.5, "player": 2, "players": 2, "match": 2, "matches": 2, "cup": 2,
    "fire": 1.5, "fired": 1, "cast": 1, "role": 1, "book": 1.5, "series": 1, "hearing": 1,
    "case": 0.5, "sentence": 2, "ruling": 1.5, "ruled": 1.5, "deal": 1.5, "group": 0.5,
    "offer": 0.5, "chain": 0.5, "plant": 1, "results": 1, "giant": 1, "bid": 1,
    "operator": 1, "cut": 1, "cuts": 1, "market": 1.5, "markets": 1.5, "index": 1,
    "trading": 1.5, "traded": 1, "figures": 1, "tax": 2, "taxes": 2, "quarter": 1,
    "per cent": 0.5, "percent": 0.5, "prices": 1, "price": 1, "show": 1, "hit": 1,
    "release": 1, "released": 1, "security": 1, "crisis": 1, "party": 2, "parties": 2,
    "leader": 1.5, "leaders": 1, "speaker": 1, "campaign": 1.5, "department": 1,
    "state": 0.5, "national": 0.5, "nation": 0.5, "nations": 0.5, "country": 0.5,
    "countries": 0.5, "official": 0.5, "officials": 0.5, "public": 0.5, "citizens": 0.5,
    "rights": 1, "freedom": 1, "reform": 1.5, "reforms": 1.5, "policy": 1.5,
    "policies": 1.5, "president": 2, "secretary": 1, "administration": 1.5,
    "relations": 1, "ties": 1, "cooperation": 1, "co-operation": 1, "partner": 0.5,
    "partners": 0.5, "mutual": 0.5, "partnership": 1, "neighbours": 0.5, "neighbors": 0.5,
    "west": 0.5, "global": 0.5, "allies": 2, "ally": 2, "alliance": 2, "talks": 2,
    "visit": 1, "visited": 1, "visits": 1, "host": 0.5, "hosted": 0.5, "welcome": 0.5,
    "reception": 0.5, "friendship": 1, "recognition": 0.5, "defence": 1.5, "defense": 1.5,
    "violence": 2, "fighting": 2, "tensions": 1.5, "escalation": 1.5, "escalating": 1,
    "arms": 2, "condition": 1, "virus": 2, "drug": 2, "drugs": 2, "operation": 1,
    "mobile": 2, "online": 2, "web": 2, "network": 1, "networks": 1, "device": 2,
    "devices": 2, "digital": 2, "users": 1.5, "user": 1, "camera": 1.5, "cameras": 1.5,
    "console": 2, "chip": 2, "chips": 2, "engineers": 1, "engineer": 1, "engineering": 1.5,
    "technical": 0.5, "battery": 1, "batteries": 1, "3d": 1, "application": 1,
    "applications": 1, "director": 1, "producer": 1, "studio": 1.5, "award": 1.5,
    "awards": 1.5, "ceremony": 1.5, "rock": 1, "pop": 1.5, "single": 1, "band": 2,
    "forecast": 1, "forecasts": 1, "outlook": 1, "ice": 1, "wind": 1, "winds": 1,
    "storm": 2, "staff": 1, "jobs": 2, "job": 1.5, "pay": 1, "workers": 2, "worker": 2,
    "children": 1, "child": 1, "parents": 1, "parent": 1, "council": 1, "queen": 1,
    "prince": 1, "wedding": 1, "married": 1, "learning": 1, "degree": 1, "professor": 1.5,
    "academic": 2, "winner": 1, "winners": 1, "recovery": 1, "slowdown": 2,
    "statistics": 1, "currency": 2, "chancellor": 2, "treasury": 2, "wealth": 1,
    "spending": 1.5, "credit": 1, "pension": 1.5, "pensions": 1.5, "the city": 1,
    "pound": 1, "dollar": 2, "euro": 1.5, "rally": 1, "rallies": 1, "study": 1,
    "studies": 1, "data": 0.5, "survey": 0.5, "report": 0.5, "analysis": 0.5,
    "research": 2, "journal": 1, "customer": 1, "customers": 1, "consumer": 1,
    "consumers": 1, "sales": 2, "stores": 1.5, "store": 1, "goods": 1.5, "debt": 1.5,
    "debts": 1.5, "products": 1.5, "product": 1.5, "output": 1.5, "insurance": 1.5,
    "insurer": 2, "demand": 1.5, "supply": 1, "contract": 1, "contracts": 1, "orders": 1,
    "sector": 1, "industry": 1.5, "industries": 1.5, "launch": 1, "sold": 1, "sell": 1,
    "buy": 1, "bought": 1, "growth": 1.5, "commercial": 1.5, "corporate": 2,
    "accounts": 1, "bond": 0.5, "lion": 1, "lions": 1, "century": 0.5, "declared": 0.5,
    "run out": 1, "performance": 1, "bbc": 0.5, "forecasters": 1, "outlook": 1, "prop": 0.5, "lock": 0.5, "conversion": 0.5, "boss": 0.5,
    "pitch": 1, "promotion": 0.5, "promoted": 0.5, "goal": 1, "goals": 1, "header": 1,
    "corner": 0.5, "winger": 1, "company": 2, "firm": 2, "firms": 2, "companies": 2, "plans": 0.5,
    "proposals": 1, "scheme": 1, "strategy": 1, "initiative": 1, "search": 1, "searches": 1,
    "screen": 1, "screens": 1, "display": 1, "net": 1, "code": 1, "patch": 1, "portable": 1,
    "virtual": 1.5, "interactive": 1.5, "simulation": 1, "storage": 1, "memory": 1,
    "phone": 2, "phones": 2, "telephone": 1.5, "worm": 1, "developer": 1.5, "developers": 1.5,
    "brand": 2, "brands": 2, "share": 1, "stock": 1.5, "listed": 1, "trade": 2,
    "import": 1.5, "export": 1.5, "commerce": 2, "oil": 2.5, "gas": 2, "fuel": 2,
    "energy": 2.5, "utility": 1, "utilities": 1.5, "host": 0.5, "champion": 2,
    "festival": 2, "students": 2, "student": 2, "school": 2, "schools": 2,
    "learning": 1, "condition": 1, "patient": 2, "patients": 2, "treatment": 2,
    "treatments": 2, "famous": 1, "fame": 1, "engaged": 0.5, "pet": 1, "bird": 1,
    "birds": 1, "species": 1.5, "vet": 1, "honour": 1, "medal": 1.5, "animal": 2,
    "animals": 2, "dog": 1.5, "dogs": 1.5, "cat": 1, "cats": 1, "horse": 1, "horses": 1,
    "travel": 1.5, "holiday": 1.5, "holidays": 1.5, "food": 1, "garden": 1,
    "shopping": 1, "diet": 1.5, "exercise": 1, "clothes": 1, "designer": 1,
    "beauty": 1, "dating": 1, "relationships": 0.5, "fashion": 2.5, "waste": 1.5,
    "climate": 2.5, "emissions": 2.5, "habitat": 2, "endangered": 2, "wildlife": 2.5,
    "community": 1, "communities": 1, "social": 1, "charity": 2, "charities": 2,
    "volunteers": 1, "volunteer": 1, "town": 0.5, "village": 0.5, "residents": 1,
    "family": 1, "families": 1, "mother": 0.5, "father": 0.5, "mothers": 0.5,
    "fathers": 0.5, "benefits": 1.5, "abuse": 1.5, "minority": 1, "minorities": 1,
    "disabled": 1.5, "disability": 1.5, "racial": 1.5, "visa": 1.5, "visas": 1.5,
    "citizenship": 1.5, "population": 1.5, "faith": 1.5, "god": 1.5, "holy": 1.5,
    "christmas": 0.5, "easter": 0.5, "secular": 1.5, "prayer": 2, "belief": 1,
    "beliefs": 1, "cardinal": 1, "minster": 0.5, "science": 2.5, "tech": 2.5,
    "innovation": 1.5, "brain": 1.5, "cells": 1.5, "moon": 1.5, "planet": 2, "orbit": 2,
    "probe": 1, "lab": 1, "laboratory": 2, "experiment": 1.5, "experiments": 1.5,
    "particle": 1.5, "evolution": 1, "satellite": 2, "satellites": 2, "rocket": 2,
    "hackers": 2, "hacker": 2, "hacking": 2, "spam": 2, "internet": 3,
    "peace": 2, "stability": 0.5, "protest": 2, "protests": 2, "clashes": 2, "coup": 3,
    "revolution": 1.5, "battle": 1.5, "battles": 1, "offensive": 1.5, "occupation": 1.5,
    "tank": 1, "tanks": 1, "drones": 1.5, "terror": 2, "hostage": 2, "bomber": 2,
    "bombing": 2.5, "extremist": 2, "rain": 2, "snow": 2, "frost": 2, "fog": 2,
    "temperatures": 2, "temperature": 1.5, "showers": 1.5, "freezing": 1, "hail": 1.5,
    "shelter": 1, "shelters": 1, "evacuated": 2, "rescue": 2, "rescued": 2,
    "crash": 2.5, "blast": 2, "explosion": 2.5, "accident": 2.5, "collision": 2.5,
    "killed": 1, "dead": 1, "victim": 1.5, "suspect": 2, "suspects": 2, "gang": 2,
    "stolen": 2, "police": 3, "officers": 1.5, "arrest": 3, "raid": 2, "searched": 1,
    "investigation": 2, "investigators": 2, "custody": 2, "court": 3, "trial": 2.5,
    "judge": 3, "appeal": 1.5, "case": 0.5, "charges": 2, "charged": 2, "damages": 1.5,
    "regulation": 1.5, "regulator": 2, "ban": 1.5, "banned": 1.5, "licence": 1,
    "license": 1, "copyright": 2.5, "patent": 2, "law": 1.5, "laws": 1.5, "legal": 1.5,
    "bill": 1.5, "justice": 1.5, "crime": 3, "criminal": 2.5, "illegal": 2,
    "unlawful": 2, "heritage": 1.5, "cultural": 2, "culture": 1.5, "history": 1,
    "historical": 1, "language": 1, "tradition": 1, "traditional": 0.5,
    "media": 1.5, "press": 1, "tv": 1.5, "radio": 1, "television": 1.5,
    "newspaper": 2, "broadcast": 1.5, "advertising": 1.5, "advert": 1.5, "magazine": 1.5,
    "publisher": 1.5, "publishing": 1.5, "viewers": 2, "ratings": 1.5,
    "emergency": 1.5, "tragedy": 1.5, "injuries": 1, "casualties": 2, "survivors": 1.5,
    "survivor": 1.5, "money": 0.5, "cash": 0.5, "cost": 0.5, "costs": 0.5, "billion": 0.5,
    "million": 0.3, "budget": 1, "funding": 1, "investment": 1.5, "invest": 1.5,
    "investor": 2, "investors": 2, "fund": 1, "funds": 1, "business": 2.5,
    "businesses": 2, "finance": 2.5, "financial": 2.5, "economic": 2.5,
    "wi-fi": 3, "software": 3, "broadband": 3, "computer": 3, "computers": 3,
    "website": 3, "websites": 3, "gadget": 3, "gadgets": 3, "technology": 3,
}
# lower-case form in the groups -> the only spelling that may match (acronyms that are words)
CASED = {
    "who": "WHO", "un": "UN", "eu": "EU", "the fed": "the Fed", "sco": "SCO", "ai": "AI",
    "hd": "HD", "pc": "PC", "pcs": "PCs", "mp": "MP", "mps": "MPs", "apple": "Apple",
    "amazon": "Amazon", "windows": "Windows", "ipod": "iPod", "iphone": "iPhone",
    "ipad": "iPad", "cop": "COP", "nhs": "NHS", "gp": "GP", "gps": "GPs", "atp": "ATP",
    "wta": "WTA", "odi": "ODI", "ecb": "ECB", "ioc": "IOC", "icc": "ICC", "esa": "ESA",
    "idf": "IDF", "tuc": "TUC", "gmb": "GMB", "unite union": "Unite union",
    "unison": "Unison", "the west": "the West", "west": "West", "the city": "the City",
    "lords": "Lords", "commons": "Commons", "opec": "OPEC", "nato": "NATO", "brics": "BRICS",
    "asean": "ASEAN", "imf": "IMF", "wto": "WTO", "fbi": "FBI", "bbc": "BBC", "itv": "ITV",
    "lng": "LNG", "ceo": "CEO", "cfo": "CFO", "ipo": "IPO", "sars": "SARS", "hiv": "HIV",
    "aids": "Aids", "mrsa": "MRSA", "bma": "BMA", "ngo": "NGO", "ngos": "NGOs",
    "nfl": "NFL", "nba": "NBA", "mlb": "MLB", "nhl": "NHL", "nascar": "NASCAR", "pga": "PGA",
    "pga tour": "PGA Tour", "ncaa": "NCAA", "sox": "Sox", "yankees": "Yankees",
    "lakers": "Lakers", "celtics": "Celtics", "iaaf": "IAAF", "uefa": "UEFA", "fifa": "FIFA",
    "f1": "F1", "ipcc": "IPCC", "nasa": "NASA", "gcse": "GCSE", "ofsted": "Ofsted",
    "isis": "ISIS", "isil": "ISIL", "cac 40": "CAC 40", "dax": "DAX", "ftse": "FTSE",
    "ftse 100": "FTSE 100", "nasdaq": "Nasdaq", "nikkei": "Nikkei", "hang seng": "Hang Seng",
    "microsoft": "Microsoft", "google": "Google", "ibm": "IBM", "intel": "Intel",
    "sony": "Sony", "nokia": "Nokia", "samsung": "Samsung", "yahoo": "Yahoo",
    "facebook": "Facebook", "twitter": "Twitter", "ebay": "eBay", "ashes": "Ashes",
    "rangers": "Rangers", "celtic": "Celtic", "arsenal": "Arsenal", "chelsea": "Chelsea",
    "liverpool": "Liverpool", "everton": "Everton", "newcastle": "Newcastle",
    "tottenham": "Tottenham", "barcelona": "Barcelona", "wimbledon": "Wimbledon",
    "open source": "open source", "hamas": "Hamas", "taliban": "Taliban",
    "hezbollah": "Hezbollah", "gaza": "Gaza", "kremlin": "Kremlin", "congress": "Congress",
    "senate": "Senate", "pope": "Pope", "vatican": "Vatican", "mars": "Mars",
    "greenpeace": "Greenpeace", "wwf": "WWF", "red cross": "Red Cross", "bill": "bill",
    "cardinal": "Cardinal", "spam": "spam", "windows": "Windows", "xbox": "Xbox",
    "playstation": "PlayStation", "nintendo": "Nintendo", "hollywood": "Hollywood",
    "bollywood": "Bollywood", "oscar": "Oscar", "grammy": "Grammy", "emmy": "Emmy",
    "bafta": "Bafta", "brit award": "Brit award", "golden globe": "Golden Globe",
    "broadway": "Broadway", "west end": "West End", "rock": "rock", "ice": "ice",
    "who": "WHO", "it": "IT", "idf": "IDF", "snp": "SNP", "ukip": "UKIP",
    "shadow": "shadow", "whip": "whip", "whips": "whips", "tory": "Tory",
    "rally": "rally", "probe": "probe", "unite": "Unite", "moon": "Moon",
    "crown court": "Crown Court", "high court": "High Court", "supreme court": "Supreme Court",
}


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    out = root / "src" / "lexicon" / "data" / "topics_terms.txt"
    lines = [
        "# Weighted terms that signal IPTC Media Topics, for the topic classifier.",
        "# GENERATED by scripts/topics_lexicon.py: edit the script and run it again.",
        "# Source: written for newslens from general knowledge of English news vocabulary and",
        "# IPTC Media Topic definitions.",
        "# Licence: MIT OR Apache-2.0 (the project's licence)",
        "# Fields (tab-separated):",
        "#   1. term    a word or phrase; lower case matches any case, a capital makes it",
        "#              case-sensitive (see field 4). The loader also matches the plural of the last word.",
        "#   2. topic   the Media Topic code it signals (see topics_taxonomy.txt)",
        "#   3. weight  how strongly: 3 near-exclusive, 2 strong, 1 typical, 0.5 weak",
        "#   4. exact   (optional) the word \"exact\": match only as written, also in lower case",
    ]
    seen = set()
    for code, groups in LEX.items():
        lines.append(f"# {code}")
        for weight, terms in groups:
            for term in terms.split(","):
                term = " ".join(term.split())
                if term.lower() in REMOVE:
                    continue
                w = REWEIGHT.get(term.lower(), weight)
                term = CASED.get(term, term)
                if not term or (term, code) in seen:
                    continue
                seen.add((term, code))
                # a lower-case spelling that must match exactly ("bill", not "Bill")
                exact = term.islower() and CASED.get(term) == term
                lines.append(f"{term}\t{code}\t{w:g}" + ("\texact" if exact else ""))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(seen)} terms)")


if __name__ == "__main__":
    main()
