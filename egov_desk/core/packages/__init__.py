"""Department work packages (``.egovpkg``): what the office sends a department to fill in on its own PC.

:mod:`.format` is the format (v1) and its refusals, :mod:`.identity` the workspace's id and the packages'
sequence, :mod:`.export` writes a department's package, :mod:`.reading` checks one and hands out what it holds.
"""
