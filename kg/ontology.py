"""The kg vocabulary and the IRI scheme for entities, statements, documents and relations.

Every term of ``ontology/kg.ttl`` is listed in :class:`KG`; ``tests/test_ontology.py``
checks that the two are the same set, and ``_fail = True`` turns a mistyped term into an
error instead of a silently new IRI.

The IRI helpers accept any string and always return a valid IRI: ASCII letters, digits,
``-._~`` and the non-ASCII letters, marks and numbers that RFC 3987 allows are kept;
everything else (spaces, quotes, ``<>{}``, ``%``, ``/``, control characters, emoji…) is
percent-encoded as UTF-8.
Input is NFC-normalised first, so the same name typed two ways gives one node.

>>> entity_iri("Islamic State")
'https://w3id.org/kg-news/entity/Islamic_State'
>>> relation_iri("call for")
'https://w3id.org/kg-news/relation/call_for'
>>> event_iri("ASSAULT")
'https://w3id.org/kg-news/event/ASSAULT'
"""
from __future__ import annotations

import logging
import unicodedata
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, parse
from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from kg.types import MODALITIES

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

BASE = "https://w3id.org/kg-news/"
ONTOLOGY_IRI = BASE + "ontology"
KG_NS = BASE + "ontology#"
ENTITY_NS = BASE + "entity/"
STATEMENT_NS = BASE + "statement/"
DOCUMENT_NS = BASE + "document/"
RELATION_NS = BASE + "relation/"
EVENT_NS = BASE + "event/"
# The build record (see kg.rdf.build_quads): a graph of its own, a prov:Activity per build
# and a prov:SoftwareAgent per version of kg.
BUILD_GRAPH = BASE + "build"
BUILD_NS = BASE + "build/"
SOFTWARE_NS = BASE + "software/kg/"

# ontology/kg.ttl next to the package in a source checkout.
ONTOLOGY_PATH = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
SHAPES_PATH = ONTOLOGY_PATH.with_name("shapes.ttl")

# Declared in every serialization and in every SPARQL query, so `ent:Russia rel:strike ?o`
# works without PREFIX lines.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "ent": ENTITY_NS,
    "rel": RELATION_NS,
    "ev": EVENT_NS,
    "doc": DOCUMENT_NS,
    "stmt": STATEMENT_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "wd": "http://www.wikidata.org/entity/",
}

# PLOVER-style event types, each a skos:Concept in kg:EventTypeScheme (see kg.ttl).
EVENT_TYPES = (
    "AGREE", "ASSAULT", "COERCE", "CONSULT", "COOPERATE", "DEMAND", "DISAPPROVE", "FIGHT",
    "INVESTIGATE", "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION",
    "SUPPORT", "THREATEN", "AID", "CONCEDE",
)


class KG(DefinedNamespace):
    """Terms of the kg ontology (``https://w3id.org/kg-news/ontology#``)."""

    _fail = True
    _NS = Namespace(KG_NS)

    # classes
    Entity: URIRef
    Country: URIRef
    Organization: URIRef
    ArmedGroup: URIRef
    Person: URIRef
    Location: URIRef
    Group: URIRef
    Concept: URIRef
    Statement: URIRef
    Document: URIRef
    Relation: URIRef
    Modality: URIRef
    DateSource: URIRef
    EventTypeScheme: URIRef  # the skos:ConceptScheme holding the event types

    # statement properties
    subject: URIRef
    object: URIRef
    relation: URIRef
    subjectText: URIRef
    objectText: URIRef
    predicateText: URIRef
    predicateLemma: URIRef
    eventType: URIRef
    negated: URIRef
    modality: URIRef
    gated: URIRef  # why the precision gate keeps it off the graph (kg.types.GATE_REASONS)
    attributedTo: URIRef
    attributedToText: URIRef
    confidence: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    fromTitle: URIRef  # read from the article's headline (kg/headlines.py)
    date: URIRef
    dateSource: URIRef
    dateText: URIRef

    # entity and document properties
    actorCode: URIRef
    role: URIRef
    affiliation: URIRef
    sha256: URIRef
    chars: URIRef

    # the closed set of modalities (kg:Modality owl:oneOf …), see kg.types.MODALITIES
    possible: URIRef
    future: URIRef
    intended: URIRef
    requested: URIRef
    conditional: URIRef
    obligated: URIRef
    claimed: URIRef

    # where a statement's date comes from (kg:DateSource owl:oneOf …), see kg.dates
    articleDate: URIRef
    textDate: URIRef


ENTITY_CLASSES: dict[str, URIRef] = {
    "Country": KG.Country,
    "Organization": KG.Organization,
    "ArmedGroup": KG.ArmedGroup,
    "Person": KG.Person,
    "Location": KG.Location,
    "Group": KG.Group,
    "Concept": KG.Concept,
}


def _in_ucschar(code: int) -> bool:
    """RFC 3987 ``ucschar``: the non-ASCII code points an IRI may hold unencoded."""
    if code < 0x10000:
        return 0xA0 <= code <= 0xD7FF or 0xF900 <= code <= 0xFDCF or 0xFDF0 <= code <= 0xFFEF
    # planes 1-14 minus each plane's last two code points and U+E0000-E0FFF (tags,
    # variation selectors); planes 15-16 are private use
    return code < 0xF0000 and (code & 0xFFFF) <= 0xFFFD and not 0xE0000 <= code <= 0xE0FFF


def _iri_char(char: str) -> str:
    # Unreserved ASCII stays, and so do readable non-ASCII characters (letters, marks,
    # numbers) that IRIs allow: "Kyïv" stays "Kyïv"; everything else is %-encoded.
    if char == " ":
        return "_"  # readable like Wikipedia titles: "Islamic State" → Islamic_State
    if char.isascii():
        if char.isalnum() or char in "-.~":
            return char
    elif unicodedata.category(char)[0] in "LMN" and _in_ucschar(ord(char)):
        return char
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


def iri_segment(text: str) -> str:
    """Percent-encode ``text`` into one IRI path segment; injective up to NFC.

    Spaces become ``_`` and a literal ``_`` becomes ``%5F``, so the mapping stays one-to-one.

    >>> iri_segment('Café "Zoë" <x>/y_z')
    'Café_%22Zoë%22_%3Cx%3E%2Fy%5Fz'
    """
    if not isinstance(text, str) or not text:
        raise ValueError(f"an IRI needs a non-empty string, got {text!r}")
    return "".join(_iri_char(char) for char in unicodedata.normalize("NFC", text))


def entity_iri(entity_id: str) -> str:
    return ENTITY_NS + iri_segment(entity_id)


def statement_iri(statement_id: str) -> str:
    return STATEMENT_NS + iri_segment(statement_id)


def document_iri(doc_id: str) -> str:
    """The document node, also the name of the graph holding everything it says."""
    return DOCUMENT_NS + iri_segment(doc_id)


def relation_iri(lemma: str) -> str:
    """``"call  for"`` → ``…/relation/call_for``: runs of whitespace become one ``_``."""
    words = lemma.split() if isinstance(lemma, str) else []
    return RELATION_NS + iri_segment(" ".join(words) or lemma)


def event_iri(event_type: str) -> str:
    return EVENT_NS + iri_segment(event_type)


def modality_iri(modality: str) -> str:
    """The kg:Modality individual for one of :data:`kg.types.MODALITIES` (a closed set)."""
    if modality not in MODALITIES:
        raise ValueError(f"unknown modality {modality!r}; expected one of {', '.join(MODALITIES)}")
    return str(KG[modality])


def shorten_iri(iri: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """``ent:Russia`` for a known namespace (longest match), else ``<iri>``.

    >>> shorten_iri("https://w3id.org/kg-news/entity/Russia")
    'ent:Russia'
    """
    best = max(
        (item for item in prefixes.items() if iri.startswith(item[1]) and len(iri) > len(item[1])),
        key=lambda item: len(item[1]),
        default=None,
    )
    if best is None:
        return f"<{iri}>"
    return f"{best[0]}:{iri[len(best[1]):]}"


def ontology_quads(path: str | Path = ONTOLOGY_PATH) -> list[Quad]:
    """kg.ttl in the graph ``<https://w3id.org/kg-news/ontology>``, to load beside the data
    so that event-type and modality labels can be queried."""
    graph = NamedNode(ONTOLOGY_IRI)
    return [Quad(q.subject, q.predicate, q.object, graph) for q in parse(path=str(path), format=RdfFormat.TURTLE)]
