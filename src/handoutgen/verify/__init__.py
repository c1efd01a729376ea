"""The check: proof that a written file is complete, printable and harmless, from reading it back."""
