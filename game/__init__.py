"""Good Offices: a crisis-diplomacy simulation in which the player is the UN Secretary-General."""

__version__ = "0.1.0"
