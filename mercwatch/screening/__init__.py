"""Screening: is a name, or its owner, a designated cyber-mercenary firm – and how do we know?

`names` analyses a name into the forms it is compared by, `index` holds those of every
candidate (curated vendors, companies and persons, and the imported inventories' entries),
`matcher` scores a query against them with the reasons, `results` adds what the market rules
say of each candidate on the date, `lists` reads a list of names, `run` screens a list and
records what a run was made from. docs/screening.md describes the method.
"""
