"""The record's code lists (PLOVER types, actor sectors), without the record models: the query
commands check their options against them and start without loading pydantic."""

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SECTORS = (
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "MED", "BUS", "CVL", "LAB",
    "EDU", "REL", "HLH", "NGO", "IGO",
)
