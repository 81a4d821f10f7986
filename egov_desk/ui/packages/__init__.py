"""Department work packages in the window: the office exports them (:mod:`.export_dialog`), a department opens one
(:mod:`.open_package`), fills it in under 科室填报 (:mod:`.department_mode`) and makes its return
(:mod:`.return_step`); :mod:`.wiring` puts their actions into the window's menus."""
