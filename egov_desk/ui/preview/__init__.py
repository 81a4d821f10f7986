"""The evidence preview's paged view: pages rendered from a PDF or an image file, a strip of thumbnails, a page
turned as a view setting, the words found marked on the page."""
