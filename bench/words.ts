// Built-in word lists for the generator: a mix of origins and a few accents, so sorting and
// accent folding see realistic names. Small on purpose; combinations give the variety.

export const GIVEN_NAMES = `Maya Tom Priya Ana José Chen Fatima Lars Sofia Liam Olivia Noah Emma Mateo Aisha Yuki
Kwame Ingrid Ravi Chloé Lucas Mia Omar Hannah Diego Zoe Ethan Amara Jonas Elena Samuel Leila Daniel
Nora Felix Isabel Kenji Grace Arjun Clara Hugo Amélie Victor Ruth Ibrahim Julia Marco Sara Tariq
Alice Benjamin Camille David Eva Farah Gabriel Helena Ivan Jasmine Karim Laura Martin Nadia Oscar
Paula Quentin Rosa Stefan Tanya Ulrich Vera William Ximena Yusuf Zara Marta Mariam Mark Marcus
Maria Marie Mario Martina Björn Søren Zoë Renée Raúl Dagmar Łukasz Agnieszka Siobhán Åsa Tomás
Beatriz Céline Dmitri Emeka Folasade Gustavo Hiroshi Ines Jorge Katarzyna Lucía`.split(/\s+/);

export const FAMILY_NAMES = `Okafor Lindqvist Raman López García Müller Smith Johnson Williams Brown Jones Miller Davis
Wilson Anderson Taylor Thomas Moore Martin Jackson White Harris Clark Lewis Robinson Walker Young
Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans
Turner Torres Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed
Bailey Bell Gómez Kelly Howard Ward Cox Díaz Richardson Wood Watson Brooks Bennett Gray James Reyes
Cruz Hughes Price Myers Long Foster Sanders Ross Morales Powell Sullivan Russell Ortiz Jenkins
Gutiérrez Perry Butler Barnes Fisher Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton
Nakamura Tanaka Suzuki Kim Park Nguyen Tran Singh Patel Sharma Kowalski Nowak Novák Dubois Lefèvre
Rossi Bianchi Ferrari Jansen Visser Berg Nilsson Johansson Hansen Schmidt Schneider Fischer Weber
Wagner Becker Hoffmann Schäfer Koch Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun
Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Schmid Schulze Maier Köhler
Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Keller
Vogel Friedrich Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster
Simon Ludwig Böhm Winter Kraus Martín Sánchez Pérez Fernández Rodríguez Álvarez Romero Navarro
Mendoza Castillo Vargas Ramos Herrera Medina Aguilar Ng Wong Chan Lam Lee Cheung Ahmed Ali Hassan
Hussein Mohamed Ibrahim Mensah Owusu Boateng Adeyemi Okoye Eze Nwosu Balogun Kariuki Otieno Mwangi`.split(/\s+/);

// Organisation names are built from a first part and a kind, with an optional legal suffix.
export const ORG_FIRST = `Northbridge Lakeside CareLoop Bluewater Redwood Summit Harbor Granite Silverline Evergreen
Brightpath Ironwood Clearview Riverstone Oakridge Pinecrest Maple Cedar Willow Aspen Horizon Meridian
Keystone Beacon Pioneer Frontier Atlas Orion Vega Nova Polaris Zenith Apex Vertex Quantum Vector
Helix Nimbus Cobalt Indigo Crimson Amber Ivory Onyx Sapphire Emerald Coral Falcon Heron Kestrel
Osprey Sparrow Lynx Otter Badger Fox Bear Wolf Stag Raven Piper Acorn Birch Elm Fern Hazel Juniper
Laurel Magnolia Rowan Sage Thistle Tulip Violet Alder Bramble Clover Daisy Heather Ivy Lotus
Greenfield Westbrook Eastgate Southport Highland Lowland Midtown Uptown Bayside Cliffside Hillcrest
Brookfield Fairview Glenwood Kingsley Ashford Bradford Carlton Dalton Everett Fulton Garrison`.split(/\s+/);

export const ORG_KIND = `Health Labs Analytics Systems Software Consulting Partners Group Foundation Institute Bank
Capital Energy Logistics Media Studio Design Works Robotics Biotech Pharma Insurance Ventures Networks
Clinic Hospital School Academy University Council Trust Retail Foods Motors Aerospace Security Cloud
Data Learning Finance Advisors Architects Engineering Telecom Games Travel Records Publishing`.split(/\s+/);

export const ORG_SUFFIX = ['', '', '', '', 'Inc.', 'Ltd', 'GmbH', 'LLC', 'plc', 'AG', 'S.A.', 'B.V.'];

export const TITLES = `Senior UX Researcher|Product Designer|Head of Science|Software Engineer|Senior Software Engineer|
Engineering Manager|Data Scientist|Product Manager|Director of Operations|Marketing Lead|Recruiter|
Talent Partner|Chief Technology Officer|Chief Executive Officer|Nurse Practitioner|Research Scientist|
Policy Analyst|Teacher|Principal|Account Executive|Sales Director|Customer Success Manager|
Content Strategist|Copywriter|Art Director|Financial Analyst|Controller|Clinical Psychologist|
Project Manager|Programme Officer|Grants Manager|Business Analyst|DevOps Engineer|Security Engineer|
Staff Engineer|VP Engineering|Design Lead|UX Writer|Service Designer|Community Manager|
Operations Analyst|Supply Chain Manager|Hospital Administrator|Lab Technician|Pharmacist|Architect|
Civil Engineer|Mechanical Engineer|Founder|Co-founder|Consultant|Partner|Associate`
  .split('|')
  .map((t) => t.trim());

export const TAGS = `ux healthcare startup former-colleague alumni mentor recruiter design data engineering
product research meetup conference volunteer neighbour friend family linkedin referral warm
cold-outreach hiring manager remote fintech edtech climate nonprofit public-sector`.split(/\s+/);

export const CITIES = `London Manchester Berlin Munich Paris Lyon Madrid Barcelona Lisbon Amsterdam Rotterdam
Copenhagen Stockholm Oslo Helsinki Warsaw Prague Vienna Zurich Milan Rome Dublin Edinburgh Toronto
Montréal Vancouver Boston Seattle Austin Chicago Denver Lagos Nairobi Accra Bangalore Singapore Tokyo
Seoul Sydney Melbourne Auckland`.split(/\s+/);

// Note text: words of the trade, shuffled into ~60-word notes.
export const NOTE_WORDS = `the a and of to in for with on about from that this it they we she he their our her his
said asked suggested recommended mentioned explained thinks believes wants needs works leads manages
team company role hiring market industry interview referral contact introduction research design
product data users patients teachers students clinicians engineers managers recruiters portfolio
resume cover letter application salary offer contract remote office hybrid travel schedule meeting
coffee call video week month quarter year budget growth regulation compliance privacy consent
healthcare telehealth startup enterprise nonprofit government agency consulting agency clients
project launch release roadmap strategy metrics survey usability testing prototype workshop
skills experience background training course certificate degree bootcamp mentor network
conference meetup community newsletter podcast book article blog talk slides demo feedback
junior senior lead principal director head vice president founder partner associate analyst
question answer advice tip insight lesson story example challenge problem opportunity risk
good great useful helpful interesting surprising difficult hard easy slow fast busy quiet
should could would might will can must often usually rarely always never sometimes soon later
first next last new old small large local global early late open closed clear vague honest
follow up thank update send write read review share learn ask listen plan prepare reach
introduce connect recommend consider explore compare choose decide start finish keep stay
Boston Berlin London Lisbon Toronto Nairobi Singapore Sydney Madrid Paris`.split(/\s+/);
