"""Product pictures: uploads checked by their bytes, content-addressed storage, thumbnails
made after commit, and private files for DIGITAL products."""
