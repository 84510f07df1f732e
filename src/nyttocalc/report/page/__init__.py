"""The HTML report of `nyttocalc report`: what the page shows, in which order, as HTML."""
