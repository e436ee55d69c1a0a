"""The desktop front end in pygame: the App and its screens, widgets, theme, icons and charts.

It reads the engine only through the player's observation and turn reports (see session.py), never the true state.
"""
