"""The duty rota page (排班): the week view, templates and generating shifts."""
