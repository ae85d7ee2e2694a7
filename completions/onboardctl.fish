complete --keep-order --exclusive --command onboardctl --arguments "(COMPLETE=fish onboardctl -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
