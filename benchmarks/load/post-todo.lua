-- POST /todos with a small JSON body: the todo resource's create (201 with the todo and its Location).
wrk.method = "POST"
wrk.body = '{"title":"buy milk","done":false}'
wrk.headers["Content-Type"] = "application/json"
