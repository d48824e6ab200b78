"""Which event a report is about: dates read from text and the weighing of evidence. Pure."""
