"""Read serializers (model data out) and write serializers (request bodies in).

Write serializers only check shape and types; they never save. The views
hand ``validated_data`` to the services.
"""
