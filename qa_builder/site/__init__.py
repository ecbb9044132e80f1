"""The review site: an interview and its alignment in, HTML pages to read the translations side by side.

``rows`` lays an interview out as rows in document order (plain data),
``chart`` draws the length chart (SVG), ``pages`` renders the HTML from the
Jinja2 templates in ``templates/``, and ``write`` writes the site folder.
"""
