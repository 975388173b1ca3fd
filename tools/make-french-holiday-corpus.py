#!/usr/bin/env python3
"""Writes Arkoa.Tests/Corpus/french-public-holidays-2024-2035.csv from public facts, independently of Arkoa's code.

Easter Sundays are copied from the published tables (not computed); every other date is fixed or Easter + a fixed
offset, as the law states it (docs/french-leave-rules.md). Run from the repository root:
    python3 tools/make-french-holiday-corpus.py
"""
import csv
from datetime import date, timedelta

EASTER_SUNDAYS = {
    2024: date(2024, 3, 31), 2025: date(2025, 4, 20), 2026: date(2026, 4, 5), 2027: date(2027, 3, 28),
    2028: date(2028, 4, 16), 2029: date(2029, 4, 1), 2030: date(2030, 4, 21), 2031: date(2031, 4, 13),
    2032: date(2032, 3, 28), 2033: date(2033, 4, 17), 2034: date(2034, 4, 9), 2035: date(2035, 3, 25),
}

# Code du travail L3133-1: the eleven holidays of all France.
def national(year):
    easter = EASTER_SUNDAYS[year]
    return [
        (date(year, 1, 1), "Jour de l'an"),
        (easter + timedelta(days=1), "Lundi de Pâques"),
        (date(year, 5, 1), "Fête du Travail"),
        (date(year, 5, 8), "Victoire 1945"),
        (easter + timedelta(days=39), "Ascension"),
        (easter + timedelta(days=50), "Lundi de Pentecôte"),
        (date(year, 7, 14), "Fête nationale"),
        (date(year, 8, 15), "Assomption"),
        (date(year, 11, 1), "Toussaint"),
        (date(year, 11, 11), "Armistice 1918"),
        (date(year, 12, 25), "Noël"),
    ]

# L3134-13 (Alsace-Moselle) and décret n° 83-1003 (overseas departments' abolition of slavery).
EXTRAS = {
    "FR": lambda y: [],
    "FR-ALSACE-MOSELLE": lambda y: [(EASTER_SUNDAYS[y] - timedelta(days=2), "Vendredi saint"), (date(y, 12, 26), "Saint-Étienne")],
    "FR-971": lambda y: [(date(y, 5, 27), "Abolition de l'esclavage")],
    "FR-972": lambda y: [(date(y, 5, 22), "Abolition de l'esclavage")],
    "FR-973": lambda y: [(date(y, 6, 10), "Abolition de l'esclavage")],
    "FR-974": lambda y: [(date(y, 12, 20), "Abolition de l'esclavage")],
    "FR-976": lambda y: [(date(y, 4, 27), "Abolition de l'esclavage")],
}

with open("Arkoa.Tests/Corpus/french-public-holidays-2024-2035.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["region", "date", "name"])
    for region, extras in EXTRAS.items():
        for year in sorted(EASTER_SUNDAYS):
            for day, name in sorted(national(year) + extras(year)):
                writer.writerow([region, day.isoformat(), name])
