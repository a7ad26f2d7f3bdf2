"""The directory's demo and synthetic records.

- ``taxonomy_data``, ``records_data``: data tables (skills, sectors, regions and name lists;
  the demo people, companies and project ideas);
- ``taxonomy``: loads the built-in skills and sectors (idempotent), finds the demo spaces;
- ``records``: the demo records, built with the shared factories (``load_demo_content``);
- ``generator``: large synthetic directories for benchmarks (``generate_directory``).
"""
