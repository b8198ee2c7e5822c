"""The web page `dragoman serve` shows: static HTML, CSS, JS and the world outline."""
