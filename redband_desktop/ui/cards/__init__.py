"""The ID cards pages: the register with warnings, batch printing with preview, the card
design with a live preview, and verification of scanned cards."""
