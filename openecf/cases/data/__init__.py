"""court_filing.csv: each court's PACER document-id prefix (the table juriscraper's pacer/utils.py holds, as
/work/shared/reference/federal_courts.csv lists it) and the office digit its case numbers start with."""
