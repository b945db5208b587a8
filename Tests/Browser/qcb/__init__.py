"""Helpers for QualityCity's browser journeys (headless Chromium through selenium).

- session: the browser of one journey, waits, screenshots, evidence on failure
- pages:   page objects, found by the pages' stable ids and field names
- flows:   sequences several journeys share (sign up; apply and submit)
- data:    credit codes (GB 32100-2015), small PDF files, unique names
"""
