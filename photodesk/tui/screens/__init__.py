"""The app's screens: the desk, and the modal screens it opens."""
